import { clock } from "@fidelio/core/clock";
import { buildWeb } from "./build-web";
import { demoAccounts } from "./demo/seed";
import { requireJava } from "./emulators/java";
import { startStack } from "./stack";

const env = (name: string, fallback: string) => process.env[name] || fallback;

try {
  const progress = (step: string) => console.log(`… ${step}`);
  // Read first, so a malformed FIDELIO_NOW stops the start with its reason.
  const clockLine = clock.describe();
  requireJava();
  // SKIP_WEB_BUILD=1 serves web/dist as it is: for a restart where the web app cannot have changed
  // (the tests that kill and restart the stack); rebuilding would also pull it from under other servers.
  if (process.env.SKIP_WEB_BUILD === "1") progress("serving the web app as built (SKIP_WEB_BUILD=1)");
  else progress("building web"), await buildWeb();
  const stack = await startStack({
    progress,
    port: Number(env("PORT", "3000")),
    dynamoPort: Number(env("DYNAMO_PORT", "8000")),
    mailPort: Number(env("MAIL_PORT", "8005")),
    dataDir: env("DATA_DIR", ".fidelio"),
    inMemory: process.env.DYNAMO_IN_MEMORY === "1",
  });
  // Listening before the banner says "Press Ctrl-C": a signal that follows it at once still stops Java too.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  console.log(`
Fidelio is running.
  App:      ${stack.url}
  Mailbox:  ${stack.mailUrl}   (sign-in codes arrive here)
  Data:     ${process.env.DYNAMO_IN_MEMORY === "1" ? "in memory only" : env("DATA_DIR", ".fidelio")} (tables ${stack.table === "created" ? "created" : stack.table === "migrated" ? "kept, outbox moved to its own table" : "kept"}${stack.seeded ? ", demo district seeded" : ""})${clock.pinned() ? `\n  Clock:    ${clockLine}` : ""}

Demo sign-in addresses:
${demoAccounts.map((a) => `  ${a.email.padEnd(32)} ${a.description}`).join("\n")}

Press Ctrl-C to stop.`);
} catch (error) {
  console.error(`\nFidelio could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
