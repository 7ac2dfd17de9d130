import { randomUUID } from "node:crypto";
import { getItem, keys } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { demoSettings } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { districtToday } from "@fidelio/core/clock";
import { afterEach } from "vitest";
import { call, signIn } from "../support/api";
import { startWorkflowRunner } from "../support/workflow";

export type Who = "admin" | "director" | "casemanager" | "teacher" | "teacher2" | "parent" | "parent2" | "advocate";
export const email = (who: Who) => `${who}@demo.fidelio.test`;
/** Sessions by table and person: this module stays loaded from one test file (and table) to the next. */
const tokens = new Map<string, string>();

export async function token(who: Who) {
  const key = `${process.env.TABLE_NAME}:${who}`;
  if (!tokens.has(key)) tokens.set(key, await signIn(email(who)));
  return tokens.get(key)!;
}

export interface ConcernView {
  id: string;
  status: string;
  level: string;
  outcome?: string;
  version: number;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  pausedDays?: number;
  timeline: Array<{
    type: string;
    at: string;
    actor: { kind: string; name?: string; reason?: string };
    level?: string;
    assignee?: { name: string };
    dueAt?: string;
    text?: string;
    hash: string;
    seq: number;
  }>;
  can: Record<string, boolean>;
}

/** A demo parent's child, the class its teacher teaches, and the IEP items in effect. */
export async function childOf(parent: "parent" | "parent2", teacherName: string) {
  await seedDemo();
  const res = await call("/api/students", { token: await token(parent) });
  const [child] = ((await res.json()) as { items: Array<{ id: string }> }).items;
  const record = (await Student.load(child!.id))!;
  const classId = record.relationships.find((r) => r.kind === "teacher" && r.userName === teacherName)?.classes?.[0]?.id;
  const iep = Iep.inEffect(record.ieps, districtToday(demoSettings))!;
  return { studentId: child!.id, classId: classId!, itemIds: [iep.accommodations[0]!.id] };
}

export async function fileConcern(body: Record<string, unknown>, options: { who?: Who; key?: string } = {}) {
  const res = await call("/api/concerns", {
    token: await token(options.who ?? "parent"),
    body: { description: "Extended time on math tests is not happening.", ...body },
    headers: { "idempotency-key": options.key ?? randomUUID() },
  });
  return { status: res.status, body: (await res.json()) as ConcernView & { message?: string } };
}

/** An action made against the concern as the actor saw it: its id and the version they read. */
export async function act(who: Who, concern: { id: string; version: number }, action: string, text?: string) {
  const res = await call(`/api/concerns/${concern.id}/actions`, { token: await token(who), body: { action, version: concern.version, ...(text && { text }) } });
  return { status: res.status, body: (await res.json()) as ConcernView & { message?: string } };
}

export async function getConcern(id: string, who: Who = "director"): Promise<ConcernView> {
  const res = await call(`/api/concerns/${id}`, { token: await token(who) });
  if (res.status !== 200) throw new Error(`GET concern answered ${res.status}`);
  return (await res.json()) as ConcernView;
}

/** Polls the concern until `test` holds (the workflow runs in the background). */
export async function until(id: string, test: (c: ConcernView) => boolean, timeoutMs = 20_000): Promise<ConcernView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const concern = await getConcern(id);
    if (test(concern)) return concern;
    if (Date.now() > end)
      throw new Error(`Concern never reached the expected state; last: ${concern.status}/${concern.level} ${concern.timeline.map((e) => e.type).join(",")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The concern once its execution waits on it with a stored task token (so answers resume it). */
export const waiting = async (id: string, test: (c: ConcernView) => boolean = () => true) => {
  for (let i = 0; i < 400; i++) {
    const stored = await getItem<{ taskToken?: string; stage: string }>(keys.concern(id), true);
    if (stored?.taskToken && stored.stage === "wait") {
      const view = await getConcern(id);
      if (test(view)) return view;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("The workflow never waited on the concern");
};

/** Starts a workflow runner for the test that calls it, stopped after that test; call once at the top of a file. */
export function runnerPerTest() {
  let running: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  return async (options: Parameters<typeof startWorkflowRunner>[0]) => (running = await startWorkflowRunner(options));
}
