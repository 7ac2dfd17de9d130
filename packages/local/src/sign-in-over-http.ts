import { signInCodeOf } from "@fidelio/core/auth/code-email";

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
}

const mailTo = async (mailUrl: string, email: string, attempts = 20): Promise<StoredEmail[]> => {
  try {
    const { emails } = (await (await fetch(`${mailUrl}/store`)).json()) as { emails: StoredEmail[] };
    return emails.filter((e) => e.destination.to.join().includes(email));
  } catch (error) {
    // A mailbox just started (after a kill -9 of the stack) once reset the first connection: ask again, a bounded number of times.
    if (attempts <= 1) throw error;
    await new Promise((r) => setTimeout(r, 100));
    return mailTo(mailUrl, email, attempts - 1);
  }
};

/**
 * Signs in against a running app the way a person does: ask for a code, wait for it in the local
 * mailbox (aws-ses-v2-local's `/store`; the outbox sends it a moment after the answer), verify.
 * For the bench and process-level tests.
 */
export async function signInOverHttp(appUrl: string, mailUrl: string, email: string): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`${appUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const seen = (await mailTo(mailUrl, email)).length;
  await post("/api/auth/start", { email });
  let code: string | undefined;
  for (const deadline = Date.now() + 15_000; !code && Date.now() < deadline; ) {
    const emails = await mailTo(mailUrl, email);
    code = emails
      .slice(seen)
      .map((email) => signInCodeOf(email.subject))
      .findLast(Boolean);
    if (!code) await new Promise((r) => setTimeout(r, 50));
  }
  if (!code) throw new Error(`No sign-in code reached ${email}`);
  const res = await post("/api/auth/verify", { email, code });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
