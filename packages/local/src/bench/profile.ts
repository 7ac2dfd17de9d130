import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A V8 CPU profile as the inspector's Profiler.stop answers it (the `.cpuprofile` format). */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Wraps one bench row: profiles the stack while `run` runs, when profiling is on; `run` answers how many requests it made. */
export type Profiled = <T extends { count: number }>(name: string, run: () => Promise<T>) => Promise<T>;

/** No profiling: the row runs as it is. */
export const unprofiled: Profiled = (_name, run) => run();

/**
 * Per-row CPU profiles of the local stack (`BENCH_CPU_PROF=<dir>`): the stack runs with the inspector
 * on `port` (child-stack.ts), and each row wrapped in the answer is sampled on its own, from its first
 * request to its last. Each row's profile is written to `<dir>/<row>.cpuprofile` (open it in Chrome's
 * DevTools) and summed here as self time per request, by module and by function, so a row's figures
 * say what the stack's process did for one request: Fidelio's own code, the libraries, Node.
 */
export async function rowProfiler(port: number, dir: string): Promise<Profiled> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise((open, fail) => {
    socket.onopen = open;
    socket.onerror = fail;
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result), waiting.delete(message.id);
  };
  const send = <R>(method: string, params: object = {}) =>
    new Promise<R>((answer) => {
      const id = nextId++;
      waiting.set(id, answer as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send("Profiler.enable");
  // 100 µs: a request's own work is a few hundred microseconds, so the default 1 ms would see little of it.
  await send("Profiler.setSamplingInterval", { interval: 100 });
  mkdirSync(dir, { recursive: true });
  // tsx runs Fidelio's TypeScript as one line per module: each own frame gets its source line back from the module's inline source map.
  const lineMaps = new Map<string, (column: number) => number | undefined>();
  const toSourceLines = async (profile: CpuProfile) => {
    const scripts = new Set(profile.nodes.filter((n) => /\/packages\/\w+\/src\//.test(n.callFrame.url)).map((n) => n.callFrame.scriptId));
    const missing = [...scripts].filter((id) => !lineMaps.has(id));
    if (missing.length) {
      await send("Debugger.enable");
      for (const scriptId of missing)
        lineMaps.set(scriptId, sourceLineOf((await send<{ scriptSource: string }>("Debugger.getScriptSource", { scriptId })).scriptSource));
      await send("Debugger.disable");
    }
    for (const node of profile.nodes) {
      const map = lineMaps.get(node.callFrame.scriptId);
      if (map && node.callFrame.lineNumber === 0) node.callFrame.lineNumber = map(node.callFrame.columnNumber) ?? 0;
    }
  };
  return async (name, run) => {
    await send("Profiler.start");
    const result = await run();
    const { profile } = await send<{ profile: CpuProfile }>("Profiler.stop");
    await toSourceLines(profile);
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(summarise(profile, result.count, name, file));
    return result;
  };
}

/** Where a sampled function lives: a Fidelio module (package/path), a dependency (its package), or V8's own. */
export function whereOf(url: string, functionName = ""): string {
  if (url === "") return functionName.startsWith("(") ? functionName : `(native) ${functionName}`;
  const own = url.match(/\/packages\/(core|functions|local)\/src\/(.+?)\.[cm]?[jt]s$/);
  if (own) return `${own[1]}/${own[2]}`;
  const dependency = url.match(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "");
}

/** The group a module counts in: Fidelio's API and core, the local stack's own machinery, the libraries, Node. */
export function groupOf(where: string): string {
  if (where.startsWith("core/") || where.startsWith("functions/")) return "Fidelio (core, functions)";
  if (where.startsWith("local/")) return "local stack (server, runner, poller)";
  if (where.startsWith("node:") || where.startsWith("(")) return "Node and V8";
  if (where.startsWith("@aws-sdk/") || where.startsWith("@smithy/")) return "AWS SDK";
  return "other libraries";
}

/** Self time per request (µs) by group, by module and the heaviest functions, as lines to print. */
export function summarise(profile: CpuProfile, requests: number, name: string, file: string, top = 12, maxDeltaUs = 500): string {
  // A sample's delta is the wall time since the one before: on a loaded machine it holds the time the process
  // waited for a CPU, charged to whatever ran next (a 1.4 s delta was seen). Each counts for at most `maxDeltaUs`.
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + Math.min(profile.timeDeltas[i] ?? 0, maxDeltaUs));
  const byGroup = new Map<string, number>();
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  // Each sample also counts for the nearest Fidelio function on its stack: what that function's calls into libraries cost.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nodeOf = new Map(profile.nodes.map((node) => [node.id, node]));
  const byCaller = new Map<string, number>();
  const isOwn = (where: string) => where.startsWith("core/") || where.startsWith("functions/");
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const where = whereOf(url, functionName);
    add(byGroup, functionName.startsWith("(") && url === "" ? functionName : groupOf(where), us);
    add(byModule, where, us);
    if (groupOf(where).startsWith("Fidelio") || groupOf(where).startsWith("local"))
      add(byFunction, `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`, us);
    for (let up: number | undefined = node.id; up !== undefined; up = parent.get(up)) {
      const frame = nodeOf.get(up)!.callFrame;
      if (isOwn(whereOf(frame.url))) {
        add(byCaller, `${frame.functionName || "(anonymous)"} ${whereOf(frame.url)}:${frame.lineNumber + 1}`, us);
        break;
      }
    }
  }
  const per = (us: number) => `${(us / requests).toFixed(0).padStart(7)} µs`;
  const sorted = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  const busy = [...byGroup.values()].reduce((s, x) => s + x, 0);
  const lines = [
    `\n  CPU profile of the stack, ${name}: ${requests} requests, ${(busy / 1000).toFixed(0)} ms busy of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms (samples, each at most ${maxDeltaUs} µs); ${per(busy).trim()} per request (${file})`,
    ...sorted(byGroup, 10).map(([group, us]) => `    ${per(us)}  ${group}`),
    "    modules, self time per request:",
    ...sorted(byModule, top).map(([where, us]) => `    ${per(us)}  ${where}`),
    "    Fidelio's functions, self time per request:",
    ...sorted(byFunction, top).map(([fn, us]) => `    ${per(us)}  ${fn}`),
    "    with what the libraries did for them (each sample counted for the nearest Fidelio function on its stack):",
    ...sorted(byCaller, top).map(([fn, us]) => `    ${per(us)}  ${fn}`),
  ];
  return lines.join("\n");
}

const base64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

/**
 * The source line (0-based) of a column on a script's first generated line, from its inline source map
 * (only the first line: tsx's output for a module is one line); undefined without a map.
 */
export function sourceLineOf(script: string): (column: number) => number | undefined {
  const data = script.match(/\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)/)?.[1];
  if (!data) return () => undefined;
  const { mappings } = JSON.parse(Buffer.from(data, "base64").toString("utf8")) as { mappings: string };
  const segments: Array<[column: number, line: number]> = [];
  let column = 0;
  let line = 0;
  for (const segment of mappings.split(";")[0]!.split(",")) {
    const fields: number[] = [];
    for (let i = 0, value = 0, shift = 0; i < segment.length; i++) {
      const digit = base64.get(segment[i]!)!;
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else fields.push(value & 1 ? -(value >>> 1) : value >>> 1), (value = 0), (shift = 0);
    }
    column += fields[0] ?? 0;
    if (fields.length >= 4) (line += fields[2]!), segments.push([column, line]);
  }
  return (at) => {
    let found: number | undefined;
    for (const [c, l] of segments) if (c <= at) found = l;
    return found;
  };
}
