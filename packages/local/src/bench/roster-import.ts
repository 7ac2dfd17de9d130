import { performance } from "node:perf_hooks";
import { generateRoster } from "./roster-generator";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Imports a generated roster of `students` through the API as a job (POST, polls the job, confirms its plan, polls again) while
 * `GET /api/me` is sent at a steady `rate` per second from this process, and reports the job's wall
 * time and the latency of those other requests. Targets: 5,000 students ≤ 30 s; p99 ≤ 500 ms.
 */
export async function benchRosterImport(appUrl: string, token: string, students: number, rate: number) {
  const headers = { authorization: `Bearer ${token}` };
  const form = new FormData();
  for (const [name, text] of Object.entries(generateRoster(students))) form.append("files", new File([text], name, { type: "text/csv" }));

  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const inFlight: Array<Promise<void>> = [];
  // Open loop: a request every 1/rate s whether or not the previous one answered, as real users do.
  const ticker = setInterval(() => {
    const start = performance.now();
    inFlight.push(
      fetch(`${appUrl}/api/me`, { headers, signal: AbortSignal.timeout(30_000) })
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) failures++;
          latencies.push(performance.now() - start);
        })
        .catch(() => void failures++),
    );
  }, 1000 / rate);

  const began = performance.now();
  const posted = await fetch(`${appUrl}/api/admin/roster`, { method: "POST", headers, body: form });
  const accepted = performance.now() - began;
  const started = (await posted.json()) as { id?: string; status: string; error?: unknown };
  if (posted.status !== 202 || !started.id) throw new Error(`roster upload answered ${posted.status}: ${JSON.stringify(started).slice(0, 500)}`);
  let job: { status: string; progress: { done: number; total: number }; plan?: { endingRoles: number; needsTypedCount: boolean }; error?: unknown } =
    started as never;
  while (running) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = (await (await fetch(`${appUrl}/api/admin/roster/jobs/${started.id}`, { headers })).json()) as typeof job;
    if (job.status === "awaiting_confirmation") {
      // The administrator's confirmation, at once (typing the count when the plan asks for it); the wall time includes the plan.
      const body = JSON.stringify(job.plan?.needsTypedCount ? { endCount: job.plan.endingRoles } : {});
      const confirmed = await fetch(`${appUrl}/api/admin/roster/jobs/${started.id}/confirm`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body,
      });
      if (confirmed.status !== 202) throw new Error(`confirming the plan answered ${confirmed.status}: ${(await confirmed.text()).slice(0, 500)}`);
      continue;
    }
    running = job.status === "queued" || job.status === "running";
  }
  const wall = performance.now() - began;
  clearInterval(ticker);
  await Promise.all(inFlight);
  if (job.status !== "done") throw new Error(`the import job ended ${job.status}: ${JSON.stringify(job.error)}`);
  latencies.sort((a, b) => a - b);
  return {
    students,
    acceptedMs: accepted,
    wallSeconds: wall / 1000,
    written: job.progress.total,
    requests: latencies.length,
    failures,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}
