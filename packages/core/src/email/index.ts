import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";

let client: SESv2Client | undefined;

/** SES_ENDPOINT points the client at aws-ses-v2-local; on AWS the default endpoint is used. */
function ses() {
  client ??= new SESv2Client(process.env.SES_ENDPOINT ? { endpoint: process.env.SES_ENDPOINT } : {});
  return client;
}

export interface Message {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export namespace Email {
  export const from = () => process.env.EMAIL_FROM ?? "Fidelio <no-reply@fidelio.test>";

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
