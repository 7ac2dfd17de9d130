import { inject } from "vitest";

interface StoredEmail {
  at: number;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export const mailUrl = () => inject("sesEndpoint");

/** Every email aws-ses-v2-local captured for this address, oldest first. */
export async function emailsTo(address: string): Promise<StoredEmail[]> {
  const response = await fetch(`${mailUrl()}/store`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())));
}

/** The sign-in code of the newest email to this address. */
export async function latestCode(address: string): Promise<string> {
  const last = (await emailsTo(address)).at(-1);
  const code = last && /\b(\d{6})\b/.exec(last.body.text ?? "")?.[1];
  if (!code) throw new Error(`No sign-in code was emailed to ${address}`);
  return code;
}
