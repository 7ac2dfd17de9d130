import { seedDemo } from "./demo-table";
import { freePort } from "@fidelio/local/emulators/free-port";
import { startServer } from "@fidelio/local/server";
import { mailUrl } from "./mail";

/**
 * The local app (API + built web app) on a free port, over this test file's table with the demo
 * district seeded: the same pieces `npm start` runs, minus the emulators the global setup owns.
 */
export async function startTestServer() {
  await seedDemo();
  const server = await startServer(await freePort());
  return { url: server.url, mailUrl: mailUrl(), stop: server.stop };
}
