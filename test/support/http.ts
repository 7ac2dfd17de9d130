import { Agent, request } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

const agents = new Map<string, Agent>();
/** One keep-alive agent per source address, so a burst reuses connections like a real client would. */
const agentFor = (from: string) => agents.get(from) ?? agents.set(from, new Agent({ keepAlive: true, maxSockets: 64, localAddress: from })).get(from)!;

/**
 * A JSON POST over real HTTP, from a chosen loopback source address (all of 127.0.0.0/8 reaches the
 * server on 127.0.0.1), so the server sees distinct client addresses. Fails after `timeoutMs`.
 */
export function postJson(url: string, body: unknown, options: { from?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: agentFor(options.from ?? "127.0.0.1"),
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} }));
      },
    );
    // A guard against a hung request, not a measure: a busy machine can keep fifty in flight waiting many seconds.
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error(`POST ${url} got no answer in time`)));
    req.on("error", reject);
    req.end(payload);
  });
}

export function closeAgents() {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}
