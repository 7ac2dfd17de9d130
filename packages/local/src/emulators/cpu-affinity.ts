import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

/**
 * DynamoDB Local runs on one CPU, all but its JIT compiler threads (Linux, through `taskset` from
 * util-linux, which every Debian and Ubuntu install has; elsewhere nothing is pinned).
 *
 * It hands each SQLite step of a write from the request's thread to its one SQLite thread and back. On
 * this two-core virtual machine a hand-off to the other CPU waits for that CPU to wake: not pinned, the
 * emulator ran at about 80% of one core with the machine 45% idle. On one CPU the hand-offs stay there.
 * The compilers stay free, or start-up and the first minutes compete with the requests for that CPU.
 * `DYNAMO_LOCAL_CPU=any` turns the pinning off (figures: docs/benchmarks.md).
 */
export function dynamoLocalCpu(setting = process.env.DYNAMO_LOCAL_CPU): number | undefined {
  if (setting === "any") return undefined;
  const allowed = process.platform === "linux" ? allowedCpus() : [];
  if (setting !== undefined && setting !== "") {
    const cpu = Number(setting);
    if (!Number.isInteger(cpu) || cpu < 0 || (allowed.length > 0 && !allowed.includes(cpu))) {
      throw new Error(`DYNAMO_LOCAL_CPU must be one of this process's CPUs (${allowed.join(", ") || "a CPU number"}) or "any"; it is "${setting}"`);
    }
    return hasTaskset() ? cpu : undefined;
  }
  return hasTaskset() ? allowed.at(-1) : undefined;
}

const hasTaskset = () => process.platform === "linux" && spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;

/** The CPUs this process may run on (a container may be given fewer than the machine has), from `Cpus_allowed_list: 0-3,6`. */
export function allowedCpus(status = readFileSync("/proc/self/status", "utf8")): number[] {
  const list = /^Cpus_allowed_list:\s*(.+)$/m.exec(status)?.[1] ?? "";
  return list.split(",").flatMap((range) => {
    const [from, to = from] = range.trim().split("-").map(Number) as [number, number?];
    return Number.isInteger(from) && Number.isInteger(to) ? Array.from({ length: to! - from + 1 }, (_, i) => from + i) : [];
  });
}

/** HotSpot's JIT compiler threads are named "C1 CompilerThread0", "C2 CompilerThread0"... */
export const isCompilerThread = (name: string) => /^C[12] CompilerThre/.test(name);

/** Every thread of `pid` on `cpu`, except the JIT compilers. */
export function pinAllButCompilers(pid: number, cpu: number) {
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let name: string;
    try {
      name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
    } catch {
      continue; // the thread ended meanwhile
    }
    if (!isCompilerThread(name)) spawnSync("taskset", ["-p", "-c", String(cpu), tid], { stdio: "ignore" });
  }
}
