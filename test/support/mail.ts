import { inject } from "vitest";
import { signInCodeOf } from "@fidelio/core/auth/code-email";

export interface StoredEmail {
  at: number;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export const mailUrl = () => inject("sesEndpoint");

let fileSender: string | undefined;
let fileStarted = 0;

/** Set at the start of each test file by table-per-file.ts, with the sender address (EMAIL_FROM) it gave the file. */
export function useSender(address: string) {
  fileSender = address;
  // The store counts whole seconds: a second early.
  fileStarted = Math.floor(Date.now() / 1000) - 1;
}

/**
 * The `since` for the mailbox's `/store`: only mail since this test file began. Codes are polled every
 * 50 ms, and this keeps each poll small however many files ran before.
 */
export const mailSince = () => fileStarted;

/** Whether this test file sent `email`: the run's mailbox holds every file's mail, and files run side by side. */
export function sentByThisFile(email: { from?: string }) {
  if (!fileSender) throw new Error("No sender: test/support/table-per-file.ts gives each test file one");
  return (email.from ?? "").includes(fileSender);
}

/** Every email this test file sent to this address (captured by aws-ses-v2-local), oldest first. */
export async function emailsTo(address: string, url = mailUrl()): Promise<StoredEmail[]> {
  const response = await fetch(`${url}/store?since=${mailSince()}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => sentByThisFile(e) && e.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())));
}

/**
 * The sign-in code of the newest sign-in email among those after the first `seen` to this address.
 * Email leaves through the outbox a moment after the request that caused it, so this waits for it;
 * other mail (a concern's recap to the same person) may arrive after the code, so it is skipped.
 */
export async function latestCode(address: string, seen = 0, timeoutMs = 15_000, url = mailUrl()): Promise<string> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const emails = await emailsTo(address, url);
    const code = emails
      .slice(seen)
      .map((email) => signInCodeOf(email.subject))
      .findLast(Boolean);
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
