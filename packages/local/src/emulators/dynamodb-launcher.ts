import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/** LoopbackDynamoDbLocal.java: starts the jar's server on 127.0.0.1 only (see that file). */
export const launcherSource = join(import.meta.dirname, "LoopbackDynamoDbLocal.java");
export const launcherClass = "LoopbackDynamoDbLocal";

/**
 * The folder holding the launcher compiled, made on first use and kept under node_modules/.cache
 * (the checkout owner's, unlike a shared /tmp), named by the source's hash so an edit recompiles.
 * Compiled once rather than run as a single source file on each start, which recompiles it every time;
 * the compiled class starts at once. Compiled by Java's own compiler module
 * (`java -m jdk.compiler/...`, there whenever source launch works), for Java 17, which the stack requires.
 */
export async function compiledLauncher(classPath: string, cacheRoot: string): Promise<string> {
  const hash = createHash("sha256").update(readFileSync(launcherSource)).digest("hex").slice(0, 16);
  const target = join(cacheRoot, hash);
  if (existsSync(join(target, `${launcherClass}.class`))) return target;
  mkdirSync(cacheRoot, { recursive: true, mode: 0o700 });
  // Two starts at once (tests) each compile into a folder of their own; the first rename wins.
  const scratch = mkdtempSync(join(cacheRoot, "compiling-"));
  try {
    await run("java", ["-m", "jdk.compiler/com.sun.tools.javac.Main", "--release", "17", "-d", scratch, "-cp", classPath, launcherSource]);
    try {
      renameSync(scratch, target);
    } catch (error) {
      if (!existsSync(join(target, `${launcherClass}.class`))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}

/** node_modules/.cache beside the package that ships the jar. */
export const launcherCacheRoot = (emulatorPackageJson: string) => join(dirname(emulatorPackageJson), "..", ".cache", "fidelio-dynamodb-launcher");

function run(command: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`Compiling the DynamoDB Local launcher failed (${code}): ${stderr}`))));
  });
}
