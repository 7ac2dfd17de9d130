import { constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { freePort } from "@fidelio/local/emulators/free-port";
import { atFileEnd } from "./file-end";
import { shellEnv, startNpmStart } from "./npm-start";

/**
 * The demo district, seeded once per run by a real `npm start` on an empty data directory, and copied
 * into the data directory of each file that starts the stack on an already seeded install (the
 * `kill -9` files). A cold start's seed (about 1,800 items from a cold Node and a cold Java) was most
 * of each such file's first start. The copy is the whole data directory (the database, its key and
 * the sign-in secret), so every hash and key in it matches, as in an install started before.
 *
 * The first file to ask builds it (global-setup.ts provides an empty directory for the run); the others
 * wait for it. What the build printed is kept, so `test/local/start.test.ts` checks that a fresh
 * `npm start` seeded the district.
 */
export interface DemoTemplate {
  /** What `npm start` printed, from its first line to the banner and the stop. */
  output: string;
  /** The data directory as `npm start` left it (read only: copy it with `copyDemoTemplate`). */
  dataDir: string;
  /**
   * The business clock the template was seeded on, for the stacks started from its copies when the
   * run's clock is pinned (FIDELIO_NOW): they carry on from the seed's "now" rather than start over.
   */
  clockEnv: Record<string, string>;
}

const root = () => inject("demoTemplateDir");
const lockDir = (dir: string) => join(dir, "building");
const doneFile = (dir: string) => join(dir, "built.json");
const failedFile = (dir: string) => join(dir, "failed.txt");

/** Builds the template: `npm start` on an empty directory, up to its banner, then Ctrl-C. */
async function build(dir: string): Promise<DemoTemplate> {
  const dataDir = join(dir, "data");
  const ports = { PORT: String(await freePort()), DYNAMO_PORT: String(await freePort()), MAIL_PORT: String(await freePort()) };
  const clockEnv: Record<string, string> = {};
  if (shellEnv.FIDELIO_NOW) {
    clockEnv.FIDELIO_NOW = shellEnv.FIDELIO_NOW;
    clockEnv.FIDELIO_NOW_SINCE = shellEnv.FIDELIO_NOW_SINCE ?? String(Date.now());
  }
  // The build the run made before (npm test builds the web app first); rebuilding would take web/dist from other files' servers.
  const started = await startNpmStart({ ...ports, ...clockEnv, DATA_DIR: dataDir, SKIP_WEB_BUILD: "1" });
  // A file cut short (a timeout) leaves no stack behind.
  atFileEnd(() => void (started.child.exitCode === null && started.child.signalCode === null && started.child.kill("SIGKILL")));
  started.child.kill("SIGINT");
  const code = await started.exited;
  if (code !== 0) throw new Error(`npm start for the demo template stopped with ${code ?? started.child.signalCode}: ${started.output()}`);
  return { output: started.output(), dataDir, clockEnv };
}

/** The run's demo template, built by the first caller; the others wait for it (or for its failure). */
export async function demoTemplate(): Promise<DemoTemplate> {
  const dir = root();
  let building = false;
  try {
    mkdirSync(lockDir(dir));
    building = true;
  } catch {
    // Another file builds it.
  }
  if (building) {
    try {
      const template = await build(dir);
      writeFileSync(doneFile(dir), JSON.stringify(template));
      return template;
    } catch (error) {
      writeFileSync(failedFile(dir), String(error instanceof Error ? error.message : error));
      throw error;
    }
  }
  for (;;) {
    if (existsSync(doneFile(dir))) return JSON.parse(readFileSync(doneFile(dir), "utf8")) as DemoTemplate;
    if (existsSync(failedFile(dir))) throw new Error(`the demo template failed to build: ${readFileSync(failedFile(dir), "utf8")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Fills `dataDir` with a copy of the seeded install (modes kept), as if `npm start` had run there before. */
export async function copyDemoTemplate(dataDir: string) {
  const template = await demoTemplate();
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(template.dataDir, dataDir, { recursive: true, preserveTimestamps: true, mode: constants.COPYFILE_FICLONE });
  return template;
}
