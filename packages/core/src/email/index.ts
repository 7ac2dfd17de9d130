import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Config } from "../config";

let client: SESv2Client | undefined;

/** A configured endpoint points the client at aws-ses-v2-local; on AWS the default endpoint is used. */
function ses() {
  const endpoint = Config.sesEndpoint();
  client ??= new SESv2Client(endpoint ? { endpoint } : {});
  return client;
}

export interface Message {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export namespace Email {
  export const from = () => Config.emailFrom();

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
}
