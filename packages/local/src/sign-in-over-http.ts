/**
 * Signs in against a running app the way a person does: ask for a code, read it from the local
 * mailbox (aws-ses-v2-local's `/store`), verify. For the bench and process-level tests.
 */
export async function signInOverHttp(appUrl: string, mailUrl: string, email: string): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${appUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await post("/api/auth/start", { email });
  const { emails } = (await (await fetch(`${mailUrl}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
  const code = /\b(\d{6})\b/.exec(emails.filter((e) => e.destination.to.join().includes(email)).at(-1)?.body.text ?? "")?.[1];
  if (!code) throw new Error(`No sign-in code reached ${email}`);
  const res = await post("/api/auth/verify", { email, code });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
