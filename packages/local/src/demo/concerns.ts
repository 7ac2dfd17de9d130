import { levelDeadline } from "@fidelio/core/calendar";
import { Concern, concernSteps, concernStepsAt } from "@fidelio/core/concern";
import { District } from "@fidelio/core/district";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { Rights } from "@fidelio/core/rights";
import { User } from "@fidelio/core/user";
import type { WaitSpec } from "@fidelio/core/workflow";
import { provideWorkflowEngine, providedWorkflowEngine } from "@fidelio/core/workflow/engine";
import { demoDomain } from "./catalog";
import { demoDistrictId, demoSettings } from "./seed";
import { districtToday } from "@fidelio/core/clock";

const actorOf = async (who: string) => {
  const user = await User.byEmail(`${who}@${demoDomain}`);
  if (!user) throw new Error(`The demo account ${who}@ is missing`);
  return User.toActor(user);
};

/** A demo child's filing body: the support `itemId` of the IEP in effect `on` that day, and the class `teacherName` teaches. */
async function filing(parent: string, teacherName: string, itemId: string, on: Date) {
  const actor = await actorOf(parent);
  const [link] = (await Student.list(actor, {})).items;
  const record = (await Student.load(link!.id))!;
  const iep = Iep.inEffect(record.ieps, districtToday(demoSettings, on))!;
  // The concern's text is about this support: a story that names another would not be true.
  if (![...iep.accommodations, ...iep.modifications].some((a) => a.id === itemId) && !iep.services.some((s) => s.id === itemId)) {
    throw new Error(`The demo concern's support ${itemId} is not in ${record.student.firstName}'s IEP`);
  }
  const classId = record.relationships.find((r) => r.kind === "teacher" && r.userName === teacherName)?.classes?.[0]?.id;
  return { actor, body: { studentId: record.student.id, itemIds: [itemId], classId } };
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** The deadline of the concern's current wait passes, when it falls, as the workflow's timeout would apply it. */
async function deadlinePasses(id: string) {
  const stored = (await getItem<{ version: number; wait: Omit<WaitSpec, "timeoutSeconds"> }>(keys.concern(id), true))!;
  await concernSteps.waitForAnswer({ concernId: id, wait: { ...stored.wait, timeoutSeconds: 1 }, taskToken: `demo-seed-${id}-${stored.version}` });
  const at = new Date(new Date(stored.wait.deadline).getTime() + 60_000);
  await concernStepsAt(() => at).applyOutcome({ concernId: id, outcome: { kind: "timeout" } });
  return at;
}

/**
 * The demo district's concerns, in several states, made through the real verbs and workflow steps
 * (so every demo account sees something on first sign-in, and the local runner resumes the open ones
 * on start like any other): one waiting on teacher@, one overdue with the case manager, one awaiting
 * parent@'s confirmation, one with advocate@, four closed (one declined
 * with prior written notice, its decision accepted). Each names the support its text is about,
 * and each step happens at a time relative to `now` (the seeding clock), in order: a deadline passes
 * at its own time, before the seed's "now", and the waits still open end after it. Runs once (its
 * own marker); no engine runs meanwhile, the steps a live execution would take are called here.
 */
export async function seedDemoConcerns(now = new Date()): Promise<boolean> {
  const marker = keys.seededConcerns(demoDistrictId);
  if (await getItem(marker)) return false;
  const district = (await District.load(demoDistrictId))!;
  const previous = providedWorkflowEngine();
  const idle = { start: async () => {}, sendTaskSuccess: async () => {}, sendTaskFailure: async () => {} };
  provideWorkflowEngine(idle);
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * dayMs - hours * hourMs);
  try {
    const file = async (parent: string, teacher: string, itemId: string, at: Date, key: string, description: string, extra: Record<string, unknown> = {}) => {
      const f = await filing(parent, teacher, itemId, at);
      const { created, concern } = await Concern.file(f.actor, `demo-seed-${key}`, { ...f.body, description, ...extra }, () => at);
      return created ? concern.id : undefined;
    };
    // Each action is made against the concern as it stands (its version), as a person's screen would send it.
    const versionOf = async (id: string) => (await getItem<{ version: number }>(keys.concern(id), true))!.version;
    const act = async (who: string, id: string, action: string, at: Date, text?: string) =>
      Concern.act(await actorOf(who), { id, action, text, version: await versionOf(id) }, () => at);
    const prepare = (id: string, at: Date) => concernStepsAt(() => at).prepareLevel({ concernId: id });

    await file("parent", "Maria Alvarez", "acc-extended-time", ago(0, 20), "teacher", "Sofia's extended time on math quizzes was not given on Friday's quiz.");

    // Filed early enough that the teacher's deadline passed before today; with the case manager since then, overdue.
    let filedOn = ago(1);
    for (let days = 1; days < 30 && levelDeadline(district, "teacher", filedOn) >= ago(0, 2); days++) filedOn = ago(days, 3);
    const overdue = await file(
      "parent",
      "Maria Alvarez",
      "acc-read-aloud",
      filedOn,
      "overdue",
      "The read-aloud for science tests is not happening; Sofia said nobody read the questions to her.",
    );
    if (overdue) await prepare(overdue, await deadlinePasses(overdue));

    const confirming = await file(
      "parent",
      "Maria Alvarez",
      "acc-graphic-organizers",
      ago(4),
      "confirm",
      "Sofia is not getting the graphic organizers for her writing assignments as her IEP says.",
      { desiredResolution: "An organizer handed to her with each writing assignment." },
    );
    if (confirming) await act("teacher", confirming, "resolve", ago(2), "Sofia now gets a printed organizer with every writing assignment.");

    const handed = await file(
      "parent",
      "Maria Alvarez",
      "svc-reading",
      ago(12),
      "advocate",
      "Sofia's specialized reading instruction has not happened since the schedule change.",
      { advocateEmail: `advocate@${demoDomain}` },
    );
    if (handed) {
      const steps = [
        ["teacher", 11],
        ["casemanager", 9],
        ["director", 7],
      ] as const;
      for (const [who, days] of steps) {
        await act(who, handed, "escalate", ago(days), "This needs the next level: the reading schedule is set school-wide.");
        await prepare(handed, ago(days, -1));
      }
    }

    const resolved = await file(
      "parent2",
      "David Chen",
      "acc-seating",
      ago(20),
      "resolved",
      "Since the new seating chart Ethan sits at the back of the math room, not near the board.",
    );
    if (resolved) {
      await act("teacher2", resolved, "resolve", ago(19), "Ethan is back in the front row; the seating chart now marks his seat for substitutes too.");
      await act("parent2", resolved, "confirm", ago(18));
    }
    const unconfirmed = await file(
      "parent2",
      "David Chen",
      "acc-directions",
      ago(16),
      "unconfirmed",
      "Since last January nobody repeats the directions to Ethan before quizzes; on Tuesday's quiz he again did not understand the task.",
      // Near the end of its one-year window: the lapse began 350 days ago, so the family has about two
      // weeks left to file a state complaint, and the director's board shows that window closing.
      { happenedOn: districtToday(demoSettings, ago(350)) },
    );
    if (unconfirmed) {
      await act("teacher2", unconfirmed, "resolve", ago(15), "I now repeat the directions to Ethan and check he understood before every quiz.");
      await deadlinePasses(unconfirmed);
    }
    // The school declined what the family asked for, with its prior written notice; the family accepted the decision.
    const declined = await file(
      "parent2",
      "David Chen",
      "acc-seating",
      ago(10),
      "declined",
      "Ethan still loses focus from his seat near the board during long math lessons.",
      { desiredResolution: "A one-to-one aide for Ethan in math class." },
    );
    if (declined) {
      await Concern.act(
        await actorOf("teacher2"),
        {
          id: declined,
          action: "decline",
          version: await versionOf(declined),
          notice: {
            actionRefused: "Adding a one-to-one aide for Ethan in math class.",
            reasons:
              "Ethan's IEP does not call for an aide; his seat near the board and repeated directions are given every lesson, and his weekly records show them provided.",
            optionsConsidered:
              "A shared classroom aide during math: rejected, as the team found no need in the records. A short break each hour: offered instead, to be discussed at the IEP meeting.",
            basis: "Ethan's IEP in effect; the weekly fidelity records for seating and directions; the October progress report.",
            otherFactors: "The family may ask for an IEP meeting to consider an aide; this notice does not change the IEP.",
          },
        },
        () => ago(9),
      );
      await act("parent2", declined, "confirm", ago(8), "We will raise it at the IEP meeting instead.");
    }
    const withdrawn = await file(
      "parent",
      "Maria Alvarez",
      "acc-read-aloud",
      ago(6),
      "withdrawn",
      "I thought the spelling test was not read aloud; it was, I misunderstood.",
    );
    if (withdrawn) await act("parent", withdrawn, "withdraw", ago(5));

    // parent@ has asked for Sofia's education records: the request waits on the director's board with its 45-day clock.
    const rosa = await actorOf("parent");
    const [sofia] = (await Student.list(rosa, {})).items;
    await Rights.requestRecordsOf(rosa, sofia!.id);
  } finally {
    provideWorkflowEngine(previous);
  }
  await putItem({ ...marker, type: "seed-marker", at: now.toISOString() });
  return true;
}
