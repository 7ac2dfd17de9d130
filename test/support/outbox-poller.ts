import { startOutboxPoller } from "@fidelio/local/outbox-poller";

let running: Awaited<ReturnType<typeof startOutboxPoller>> | undefined;

/**
 * This test file's outbox poller (started by table-per-file.ts), as `npm start` runs one. Tests of the
 * outbox stop and start it to play a restart; the setup file and the test file share this module.
 */
export const outboxPoller = {
  async start() {
    running ??= await startOutboxPoller();
  },
  async stop() {
    await running?.stop();
    running = undefined;
  },
};
