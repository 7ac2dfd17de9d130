import { clockIndexOps } from "./clock-index";
import { createHash } from "node:crypto";
import { concernCountOps, type ConcernSubject } from "../patterns/concerns";
import { Patterns } from "../patterns/after-write";
import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { getItem, keys, putNew } from "../dynamo";
import { notFound, VisibleError } from "../error";
import { newId } from "../id";
import { Iep } from "../iep";
import { studentName } from "../student/schema";
import { workflowEngine } from "../workflow/engine";
import { District } from "../district";
import { Student } from "../student";
import { assignmentAt, classTeacherId } from "./people";
import { FileConcern, IdempotencyKey, type Concern, type ConcernItem } from "./schema";
import { commit, loadWithTimeline, StaleConcern } from "./store";
import { genesisHash, publicPerson } from "./timeline";
import { enterLevel } from "./transitions";
import { clocksIn, isGuardianOf, toView } from "./view";
import { idempotencyItem } from "./items";
import { readRecapReaders } from "./emails";
import { clock, districtToday } from "../clock";
import { concernSubject } from "./naming";
import { isReferenceRace, takeReference } from "./reference";

const idempotencyTtlSeconds = 7 * 86_400;
/** Filings in one district at once each retry until they take a reference of their own. */
const referenceAttempts = 40;

/** Starts (or finds running) the concern's execution; the name is the concern id, so a second start changes nothing. */
export async function startWorkflow(concernId: string) {
  try {
    await workflowEngine().start(concernId, { concernId });
  } catch (error) {
    // The concern is recorded either way: a replay of the filing or the local runner's resume starts it again.
    console.error(JSON.stringify({ level: "error", msg: "workflow start failed", concernId, name: (error as Error).name, message: (error as Error).message }));
  }
}

/** The request a key stands for: the validated body, its fields in the schema's order, hashed. */
const requestHashOf = (input: FileConcern) => createHash("sha256").update(JSON.stringify(input)).digest("hex");

async function replay(actor: UserActor, idem: { pk: string; sk: string }, requestHash: string) {
  const seen = await getItem(idempotencyItem, idem, true);
  if (seen?.requestHash !== undefined && seen.requestHash !== requestHash) {
    throw new VisibleError(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request; send a new key for a new concern.");
  }
  const found = seen && (await loadWithTimeline(seen.concernId));
  if (!found) return undefined;
  await startWorkflow(found.concern.id);
  return { created: false, concern: toView(actor, found.concern, found.events, true) };
}

/**
 * A parent files a concern. The Idempotency-Key makes a retry safe: its item is written in the same
 * transaction as the concern, so a replay finds it and returns that concern, writing nothing. The
 * same key with a different request (another text, another child) answers 422 `idempotency_key_reused`.
 */
export async function fileConcern(actor: UserActor, key: unknown, body: unknown, at: () => Date = () => clock.now()) {
  Access.requireAction(actor, "concern.file");
  const idemKey = v.parse(IdempotencyKey, key);
  const input = v.parse(FileConcern, body);
  const idem = keys.concernIdempotency(actor.userId, createHash("sha256").update(idemKey).digest("hex"));
  const requestHash = requestHashOf(input);
  // The key's earlier filing, the student and the parent's own district are read at once (the student's is
  // read again in the rare case it is another); a replay answers from the first and the others go unused.
  const [earlier, record, ownDistrict] = await Promise.all([replay(actor, idem, requestHash), Student.load(input.studentId), District.load(actor.districtId)]);
  if (earlier) return earlier;
  const district = record && (record.student.districtId === ownDistrict?.id ? ownDistrict : await District.load(record.student.districtId));
  if (!record || !district || !isGuardianOf(actor, record)) throw notFound("Student");
  const iep = Iep.inEffect(record.ieps, districtToday(district, at()));
  const supports: ConcernItem[] = [
    ...(iep?.accommodations ?? []).map((a) => ({ id: a.id, kind: "accommodation" as const, text: a.text })),
    ...(iep?.modifications ?? []).map((m) => ({ id: m.id, kind: "modification" as const, text: m.text })),
    ...(iep?.services ?? []).map((s) => ({ id: s.id, kind: "service" as const, text: s.name })),
  ];
  const itemIds = supports.map((i) => i.id);
  const classes = record.relationships.flatMap((r) => (r.kind === "teacher" ? (r.classes ?? []) : []));
  // Checked against this child's IEP in effect and classes: 400 with the field, nothing written.
  v.parse(
    v.object({
      itemIds: v.array(v.picklist(itemIds, "Not a support in the IEP in effect")),
      classId: v.optional(
        v.picklist(
          classes.map((c) => c.id),
          "Not one of the child's classes",
        ),
      ),
    }),
    { itemIds: input.itemIds, classId: input.classId },
  );

  const items = input.itemIds.map((id) => supports.find((item) => item.id === id)!);
  const className = classes.find((c) => c.id === input.classId)?.title;
  const id = newId("con");
  // Another filing in the district may take the reference read: read the counter again and retry.
  for (let attempt = 1; ; attempt++) {
    const now = at();
    // The counter, the teacher's user item and the recap's readers (the parent and the class's teacher), read side by side.
    const [{ reference, ops: referenceOps }, assignment, readers] = await Promise.all([
      takeReference(district.id, id),
      assignmentAt("teacher", { classId: input.classId, advocateEmail: input.advocateEmail, districtId: district.id }, record, district),
      readRecapReaders([actor.userId, classTeacherId(record, input.classId)].filter((id) => id !== undefined)),
    ]);
    const base: Concern = {
      ...input,
      items,
      id,
      districtId: district.id,
      studentName: studentName(record.student),
      subject: concernSubject(items, className),
      reference,
      schoolId: record.student.schoolId,
      schoolName: record.student.schoolName,
      parent: { id: actor.userId, name: actor.name, email: actor.email },
      className,
      status: "open",
      level: "teacher",
      assignedIds: [],
      stage: "prepare",
      head: { seq: 0, hash: genesisHash },
      version: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const after = enterLevel(base, assignment, district, now);
    const stamp = now.toISOString();
    const counted: ConcernSubject = {
      ...after,
      ...(after.level === "teacher" && after.assignee && { teacherId: after.assignee.id, teacherName: after.assignee.name }),
    };
    try {
      const { concern, events } = await commit({
        after,
        events: [
          { type: "filed", at: stamp, actor: { kind: "user", id: actor.userId, name: actor.name }, text: input.description },
          {
            type: "assigned",
            at: stamp,
            actor: { kind: "system", reason: "workflow" },
            level: after.level,
            assignee: publicPerson(after.assignee),
            dueAt: after.dueAt,
            notes: assignment.notes,
          },
        ],
        actor,
        audit: { action: "concern.file", reason: "guardian" },
        // The parent gets a receipt (the one email about their own action): received, and with whom.
        emails: { parent: true, receipt: true, staff: after.assignee ? [after.assignee] : [] },
        timeZone: district.timeZone,
        now,
        readers,
        viewerIds: record.relationships.filter((r) => r.kind === "guardian" || r.kind === "case_manager").map((r) => r.userId),
        extra: [
          putNew({ ...idem, type: "concern-idempotency", concernId: after.id, requestHash, ttl: Math.floor(now.getTime() / 1000) + idempotencyTtlSeconds }),
          ...referenceOps,
          ...assignment.creates,
          ...concernCountOps(counted),
          ...clockIndexOps(after, district),
        ],
      });
      // Both follow the committed filing and neither needs the other: the patterns, and the escalation's start.
      await Promise.all([Patterns.afterConcernFiled(counted), startWorkflow(concern.id)]);
      return { created: true, concern: toView(actor, concern, events, true, undefined, clocksIn(concern, district)) };
    } catch (error) {
      if (!(error instanceof StaleConcern) && !isReferenceRace(error)) throw error;
      // Two requests with one key at once: the other one filed it.
      const other = await replay(actor, idem, requestHash);
      if (other) return other;
      if (attempt >= referenceAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 10)));
    }
  }
}
