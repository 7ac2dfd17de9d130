import { app } from "@fidelio/functions/api/app";
import { codeAfter } from "./mail";

/** Calls the real Hono app in-process (no mocks: it talks to DynamoDB Local and SES local). */
export function call(path: string, init: { method?: string; token?: string; body?: unknown; form?: FormData; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return app.request(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

/** Signs in through the real flow: start, read the code from the SES local mailbox, verify. */
export async function signIn(email: string): Promise<string> {
  const code = await codeAfter(email, async () => {
    const start = await call("/api/auth/start", { body: { email } });
    if (start.status !== 202) throw new Error(`start answered ${start.status}`);
  });
  const verify = await call("/api/auth/verify", { body: { email, code } });
  if (verify.status !== 200) throw new Error(`verify answered ${verify.status}: ${await verify.text()}`);
  return ((await verify.json()) as { token: string }).token;
}
