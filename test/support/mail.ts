import { signInCodeOf } from "@fidelio/core/auth/code-email";

export interface StoredEmail {
  at: number;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

let fileMailbox: string | undefined;

/** Set once per test file by table-per-file.ts, which starts the file's own mailbox. */
export const useMailbox = (url: string) => void (fileMailbox = url);

/** This test file's SES mailbox (aws-ses-v2-local): its `/store` holds only this file's mail. */
export const mailUrl = () => {
  if (!fileMailbox) throw new Error("No mailbox: test/support/table-per-file.ts starts one for each test file");
  return fileMailbox;
};

/** Every email aws-ses-v2-local captured for this address, oldest first. */
export async function emailsTo(address: string, url = mailUrl()): Promise<StoredEmail[]> {
  const response = await fetch(`${url}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())));
}


/**
 * The sign-in code of the newest sign-in email among those after the first `seen` to this address.
 * Email leaves through the outbox a moment after the request that caused it, so this waits for it;
 * other mail (a concern's recap to the same person) may arrive after the code, so it is skipped.
 */
export async function latestCode(address: string, seen = 0, timeoutMs = 15_000, url = mailUrl()): Promise<string> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const emails = await emailsTo(address, url);
    const code = emails.slice(seen).map((email) => signInCodeOf(email.subject)).findLast(Boolean);
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`No sign-in code was emailed to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `action` (which should email a code) and waits for that new code, not an earlier one. */
export async function codeAfter(address: string, action: () => unknown): Promise<string> {
  const seen = (await emailsTo(address)).length;
  await action();
  return latestCode(address, seen);
}
