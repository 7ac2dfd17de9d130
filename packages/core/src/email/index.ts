import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Config } from "../config";

let client: SESv2Client | undefined;

/**
 * A configured endpoint points the client at aws-ses-v2-local; on AWS the default endpoint is used.
 * Timeouts keep a hung SES from holding the outbox sender: a send that cannot finish is retried later.
 */
function ses() {
  const endpoint = Config.sesEndpoint();
  client ??= new SESv2Client({
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  });
  return client;
}

export interface Message {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * SES refusing this message itself: a bad or unverified address, a message it rejects. Trying again
 * cannot change the answer, so the email is marked undeliverable at once.
 */
const refusals = new Set(["MessageRejected", "BadRequestException", "InvalidParameterValue"]);

export namespace Email {
  export const from = () => Config.emailFrom();

  /** Sends at once; callers outside the outbox sender write an outbox item instead (see core/outbox). */
  export async function send(message: Message) {
    const out = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: from(),
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: "UTF-8" },
            Body: { Text: { Data: message.text, Charset: "UTF-8" }, Html: { Data: message.html, Charset: "UTF-8" } },
          },
        },
      }),
    );
    return out.MessageId;
  }

  /**
   * Whether trying again later can succeed. Only SES's refusal of the message is final; throttling,
   * SES faults, an unreachable endpoint (no `$fault`), and deployment errors an operator can fix in
   * time (access denied, a suspended account, a missing configuration set) are retried.
   */
  export function isTransient(error: unknown): boolean {
    if (!(error instanceof Error)) return true;
    return !((error as { $fault?: "client" | "server" }).$fault === "client" && refusals.has(error.name));
  }
}
