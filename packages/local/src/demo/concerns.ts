import { Concern, concernSteps } from "@fidelio/core/concern";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { User } from "@fidelio/core/user";
import type { WaitSpec } from "@fidelio/core/workflow";
import { provideWorkflowEngine, providedWorkflowEngine } from "@fidelio/core/workflow/engine";
import { demoDomain } from "./catalog";
import { demoDistrictId, demoSettings } from "./seed";
import { clock, districtToday } from "@fidelio/core/clock";

const actorOf = async (who: string) => {
  const user = await User.byEmail(`${who}@${demoDomain}`);
  if (!user) throw new Error(`The demo account ${who}@ is missing`);
  return User.toActor(user);
};

/** A demo child's filing body: the first accommodation in effect and the class `teacherName` teaches. */
async function filing(parent: string, teacherName: string) {
  const actor = await actorOf(parent);
  const [link] = (await Student.list(actor, {})).items;
  const record = (await Student.load(link!.id))!;
  const iep = Iep.inEffect(record.ieps, districtToday(demoSettings))!;
  const classId = record.relationships.find((r) => r.kind === "teacher" && r.userName === teacherName)?.classes?.[0]?.id;
  return { actor, body: { studentId: record.student.id, itemIds: [iep.accommodations[0]!.id], classId } };
}

/** The deadline of the concern's current wait passes, as the workflow's timeout would apply it. */
async function deadlinePasses(id: string) {
  const stored = (await getItem<{ version: number; wait: Omit<WaitSpec, "timeoutSeconds"> }>(keys.concern(id), true))!;
  await concernSteps.waitForAnswer({ concernId: id, wait: { ...stored.wait, timeoutSeconds: 1 }, taskToken: `demo-seed-${id}-${stored.version}` });
  await concernSteps.applyOutcome({ concernId: id, outcome: { kind: "timeout" } });
}

/**
 * The demo district's concerns, in several states, made through the real verbs and workflow steps
 * (so every demo account sees something on first sign-in, and the local runner resumes the open ones
 * on start like any other): one waiting on teacher@, one overdue with the case manager, one awaiting
 * parent@'s confirmation, one with advocate@, three closed. Runs once (its own marker); no engine
 * runs meanwhile, the steps a live execution would take are called here.
 */
export async function seedDemoConcerns(): Promise<boolean> {
  const marker = keys.seededConcerns(demoDistrictId);
  if (await getItem(marker)) return false;
  const previous = providedWorkflowEngine();
  const idle = { start: async () => {}, sendTaskSuccess: async () => {}, sendTaskFailure: async () => {} };
  provideWorkflowEngine(idle);
  try {
    const sofia = await filing("parent", "Maria Alvarez");
    const ethan = await filing("parent2", "David Chen");
    const file = async (f: typeof sofia, key: string, description: string, extra: Record<string, unknown> = {}) => {
      const { created, concern } = await Concern.file(f.actor, `demo-seed-${key}`, { ...f.body, description, ...extra });
      return created ? concern.id : undefined;
    };
    const act = async (who: string, id: string, action: string, text?: string) => Concern.act(await actorOf(who), { id, action, text });
    const prepare = (id: string) => concernSteps.prepareLevel({ concernId: id });

    await file(sofia, "teacher", "Sofia's extended time on math quizzes was not given on Friday's quiz.", { happenedOn: undefined });

    const overdue = await file(sofia, "overdue", "The read-aloud for science tests is not happening; Sofia said nobody read the questions to her.");
    if (overdue) await deadlinePasses(overdue).then(() => prepare(overdue));

    const confirming = await file(sofia, "confirm", "Sofia is not getting a copy of the class notes as her IEP says.", { desiredResolution: "Notes handed to her after each lesson." });
    if (confirming) await act("teacher", confirming, "resolve", "Notes are now printed for Sofia at the end of every lesson.");

    const handed = await file(sofia, "advocate", "Preferential seating near the board has not been in place since the seating change.", { advocateEmail: `advocate@${demoDomain}` });
    if (handed) {
      for (const who of ["teacher", "casemanager", "director"]) {
        await act(who, handed, "escalate", "This needs the next level: the seating plan is set school-wide.");
        await prepare(handed);
      }
    }

    const resolved = await file(ethan, "resolved", "Ethan's calculator accommodation was refused on the unit test.");
    if (resolved) {
      await act("teacher2", resolved, "resolve", "Calculators are allowed on every unit test; I told the substitute as well.");
      await act("parent2", resolved, "confirm");
    }
    const unconfirmed = await file(ethan, "unconfirmed", "Ethan did not get breaks during the long test.");
    if (unconfirmed) {
      await act("teacher2", unconfirmed, "resolve", "Breaks are written on the test cover sheet now.");
      await deadlinePasses(unconfirmed);
    }
    const withdrawn = await file(sofia, "withdrawn", "I thought the spelling test was not read aloud; it was, I misunderstood.");
    if (withdrawn) await act("parent", withdrawn, "withdraw");
  } finally {
    provideWorkflowEngine(previous);
  }
  await putItem({ ...marker, type: "seed-marker", at: clock.iso() });
  return true;
}
