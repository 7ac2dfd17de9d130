import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Config } from "../config";
import { headerText } from "./header";

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
 * SES refusing this message itself: a bad or unverified address, a message it rejects, a request it
 * cannot take (any other 400). Trying again cannot change the answer: undeliverable at once.
 */
const refusals = new Set(["MessageRejected", "BadRequestException", "InvalidParameterValue"]);
/** 400s that are about the account or the rate, not the message: an operator or time fixes them. */
const passing400s = new Set([
  "AccountSuspendedException",
  "MailFromDomainNotVerifiedException",
  "SendingPausedException",
  "LimitExceededException",
  "TooManyRequestsException",
  "ThrottlingException",
]);

export namespace Email {
  export const from = () => Config.emailFrom();

  /**
   * Sends at once; callers outside the outbox sender write an outbox item instead (see core/outbox).
   * The one place a subject becomes a header: control characters end here, whatever wrote them.
   */
  export async function send(message: Message) {
    const out = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: from(),
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: headerText(message.subject), Charset: "UTF-8" },
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
   * time (access denied or bad credentials, 403; a suspended account; a missing configuration set, 404)
   * are retried.
   */
  export function isTransient(error: unknown): boolean {
    if (!(error instanceof Error)) return true;
    const { $fault, $metadata } = error as { $fault?: "client" | "server"; $metadata?: { httpStatusCode?: number } };
    if ($fault !== "client") return true;
    const refused = refusals.has(error.name) || ($metadata?.httpStatusCode === 400 && !passing400s.has(error.name));
    return !refused;
  }
}
