import { beforeAll, describe, expect, it } from "vitest";
import { Audit } from "@fidelio/core/audit";
import { zonedInstant } from "@fidelio/core/calendar";
import { queryAll, keys, transact } from "@fidelio/core/dynamo";
import { addWeeks, remindDistrict, weekDays } from "@fidelio/core/fidelity";
import { User } from "@fidelio/core/user";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";
import { emailsTo } from "../support/mail";
import { currentWeek, demo, json } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { concernCountOps, refreshConcernPatterns } from "@fidelio/core/patterns/concerns";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

type Opened = { id: string; version: number; studentId: string; plan: { accommodations: Array<{ id: string; text: string }>; services: unknown[] } };
type Found = { kind: string; classId?: string; teacherId?: string; teacherName?: string; itemText?: string; count: number; since: string; evidence: string[] };

const t: Record<string, string> = {};
let week = "";

async function patterns(token = t.director!, query = "") {
  return json<{ patterns: Found[]; from: string; to: string }>(call(`/api/reports/patterns${query}`, { token }));
}

/** Answers every accommodation provided except `missed`, and submits (acknowledging the IEP version first when asked). */
async function submitWith(token: string, form: Opened, missed: string | undefined) {
  const accommodations = form.plan.accommodations.map((a) =>
    a.text === missed
      ? { itemId: a.id, status: "not_provided", reason: "materials_missing", note: "No substitute plan" }
      : { itemId: a.id, status: "provided" },
  );
  const saved = await json(call(`/api/fidelity/forms/${form.id}`, { method: "PUT", token, body: { version: form.version, accommodations, services: [] } }));
  expect(saved.status).toBe(200);
  let submitted = await json(call(`/api/fidelity/forms/${form.id}/submit`, { token, body: { version: saved.body.version } }));
  if (submitted.status === 409 && submitted.body.error === "acknowledgment_required") {
    const ack = await call(`/api/students/${form.studentId}/iep/acknowledge`, { token, body: { version: submitted.body.details.version } });
    expect(ack.status).toBe(200);
    submitted = await json(call(`/api/fidelity/forms/${form.id}/submit`, { token, body: { version: saved.body.version } }));
  }
  expect(submitted.status).toBe(200);
  return submitted.body as Opened;
}

async function openForms(token: string, w: string): Promise<Opened[]> {
  const list = await json<{ items: Array<{ id: string }> }>(call(`/api/fidelity/forms?week=${w}`, { token }));
  return Promise.all(list.body.items.map(async (f) => (await json<Opened>(call(`/api/fidelity/forms/${f.id}`, { token }))).body));
}

beforeAll(async () => {
  await seedDemo();
  for (const who of ["teacher", "casemanager", "parent", "admin", "director"] as const) t[who] = await signIn(demo(who));
  week = await currentWeek();
});

describe("patterns for directors", () => {
  let forms: Opened[] = [];
  let support = "";
  const ofThisWeek = (found: Found[]) => found.filter((p) => p.kind === "support_missed_across_class" && p.since === week);

  it("shows the demo district's history: a class that went without a support one week, and a teacher who stopped", async () => {
    const found = (await patterns()).body.patterns;
    const missed = found.find((p) => p.kind === "support_missed_across_class");
    expect(missed).toMatchObject({ itemText: expect.stringMatching(/extended time/i), since: addWeeks(week, -2) });
    expect(missed!.count).toBeGreaterThanOrEqual(3);
    const stopped = found.filter((p) => p.kind === "forms_stopped");
    expect(stopped.map((p) => p.teacherName)).toEqual(["James Wright"]);
    expect(stopped[0]).toMatchObject({ count: 3, since: addWeeks(week, -3), week: addWeeks(week, -1) });
  });

  it("finds a support not provided for three students of one class in a week, not for two, and drops it when corrected", async () => {
    forms = await openForms(t.teacher!, week);
    // The support most of the class's forms list.
    const counts = new Map<string, number>();
    for (const f of forms) for (const a of f.plan.accommodations) counts.set(a.text, (counts.get(a.text) ?? 0) + 1);
    support = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const withIt = forms.filter((f) => f.plan.accommodations.some((a) => a.text === support));
    expect(withIt.length).toBeGreaterThanOrEqual(3);

    await submitWith(t.teacher!, withIt[0]!, support);
    await submitWith(t.teacher!, withIt[1]!, support);
    // Two students is a near miss: nothing for the class.
    const two = await patterns();
    expect(two.status).toBe(200);
    expect(ofThisWeek(two.body.patterns)).toEqual([]);

    const third = await submitWith(t.teacher!, withIt[2]!, support);
    const three = await patterns();
    const found = ofThisWeek(three.body.patterns);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ itemText: support, count: 3, since: week });
    expect([...found[0]!.evidence].sort()).toEqual(
      withIt
        .slice(0, 3)
        .map((f) => f.id)
        .sort(),
    );
    expect(found[0]!.classId).toBeTruthy();

    // A correction that says it was provided after all takes the pattern back.
    const corrected = await json(
      call(`/api/fidelity/forms/${third.id}`, {
        method: "PUT",
        token: t.teacher!,
        body: {
          version: third.version,
          accommodations: third.plan.accommodations.map((a) => ({ itemId: a.id, status: "provided" })),
          services: [],
          reason: "Entered the wrong row",
        },
      }),
    );
    expect(corrected.status).toBe(200);
    expect(ofThisWeek((await patterns()).body.patterns)).toEqual([]);
    // Missed again by the fourth student's form: three students once more.
    if (withIt[3]) {
      await submitWith(t.teacher!, withIt[3], support);
      expect(ofThisWeek((await patterns()).body.patterns)).toHaveLength(1);
    }
  });

  it("answers 404 to parents, teachers, case managers and administrators; 400 naming the field for an impossible date", async () => {
    for (const who of ["parent", "teacher", "casemanager", "admin"]) {
      const res = await call("/api/reports/patterns", { token: t[who] });
      expect(res.status, who).toBe(404);
    }
    expect((await call("/api/reports/patterns")).status).toBe(401);
    const bad = await json(call("/api/reports/patterns?from=2026-02-30", { token: t.director }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("from");
    const reversed = await json(call("/api/reports/patterns?from=2026-12-01&to=2026-11-01", { token: t.director }));
    expect(reversed.status).toBe(422);
    // A window before anything happened holds nothing.
    expect((await patterns(t.director!, "?from=2026-08-20&to=2026-08-28")).body.patterns).toEqual([]);
  });

  it("records in each counted student's audit trail that the director saw them in the patterns, as seen in a count, not opened", async () => {
    const studentId = forms[0]!.studentId;
    await patterns();
    const trail = await queryAll<{ action: string; actorId?: string }>(keys.auditOf(studentId));
    expect(trail.some((e) => e.action === "patterns.report")).toBe(true);
    // The report names no student: a parent's "opened" filter leaves it out, "listed" shows it.
    const opened = await Audit.page(studentId, { kind: "opened" });
    expect(opened.items.some((e) => e.action === "patterns.report")).toBe(false);
    const listed = await Audit.page(studentId, { kind: "listed" });
    expect(listed.items.some((e) => e.action === "patterns.report")).toBe(true);
  });

  it("finds repeat concerns about one teacher within 30 days, once there are two, and not for two 40 days apart", async () => {
    const subject = (id: string, createdAt: string, teacherId: string) => ({
      id,
      districtId: demoDistrictId,
      schoolId: "sch_rc",
      studentId: `stu_${id}`,
      createdAt,
      teacherId,
      teacherName: `Teacher ${teacherId}`,
    });
    const monday = weekDays(week)[0]!;
    const daysBefore = (n: number) => new Date(Date.parse(`${monday}T17:00:00Z`) - n * 86_400_000).toISOString();
    const file = async (c: ReturnType<typeof subject>) => {
      await transact(concernCountOps(c));
      await refreshConcernPatterns(c);
    };
    // Near miss: two concerns about usr_far, 40 days apart.
    await file(subject("con_far1", daysBefore(40), "usr_far"));
    await file(subject("con_far2", daysBefore(0), "usr_far"));
    await file(subject("con_near1", daysBefore(12), "usr_near"));
    const one = (await patterns()).body.patterns.filter((p) => p.kind === "repeat_concerns");
    expect(one).toEqual([]);
    await file(subject("con_near2", daysBefore(0), "usr_near"));
    const repeat = (await patterns()).body.patterns.filter((p) => p.kind === "repeat_concerns");
    expect(repeat).toHaveLength(1);
    expect(repeat[0]).toMatchObject({ teacherId: "usr_near", count: 2, since: daysBefore(12).slice(0, 10) });
    expect(repeat[0]!.evidence).toEqual(["con_near1", "con_near2"]);
  });

  it("follows a teacher who stopped submitting while owed forms, and sends each director one digest of the week's new patterns in their language", async () => {
    const director = (await User.byEmail(demo("director")))!;
    await User.setLanguage(User.toActor(director), { language: "es" });
    const fridayAfternoon = zonedInstant(weekDays(week)[4]!, "16:00:00", "America/Los_Angeles");
    await remindDistrict(demoDistrictId, fridayAfternoon);
    const stopped = (await patterns()).body.patterns.filter((p) => p.kind === "forms_stopped");
    // James Wright has submitted nothing for three weeks and this one; Maria Alvarez submitted this week.
    expect(stopped.map((p) => p.teacherName)).toContain("James Wright");
    expect(stopped.map((p) => p.teacherName)).not.toContain("Maria Alvarez");
    const wright = stopped.find((p) => p.teacherName === "James Wright")!;
    expect(wright).toMatchObject({ count: 4, since: addWeeks(week, -3) });

    await remindDistrict(demoDistrictId, fridayAfternoon);
    let mail = await emailsTo(demo("director"));
    for (const deadline = Date.now() + 15_000; !mail.some((e) => e.subject.includes("patrones")) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100));
      mail = await emailsTo(demo("director"));
    }
    const digests = mail.filter((e) => e.subject.includes("patrones nuevos"));
    expect(digests).toHaveLength(1);
    // New this week: the class pattern and the repeat concerns; James Wright's stop was already known last week.
    expect(digests[0]!.body.text).toContain(support);
    expect(digests[0]!.body.text).toContain("Teacher usr_near");
    expect(digests[0]!.body.text).not.toContain("James Wright");
    expect(digests[0]!.body.text).toContain("Hola, ");
    expect(digests[0]!.body.html).toContain('<div lang="es">');
    const markers = await queryAll(keys.patternDigestSent(demoDistrictId, week, "x"));
    expect(markers).toHaveLength(1);
  });
});

describe("pattern counts", () => {
  it("are kept without a scan: the report reads only the district's patterns of the window", async () => {
    // Nothing in another district's window leaks into this one.
    await transact([
      {
        put: {
          ...keys.pattern("dis_other", week, "forms_stopped#sch#usr#"),
          type: "pattern",
          kind: "forms_stopped",
          schoolId: "sch",
          count: 9,
          since: week,
          evidence: [],
          week,
          studentIds: [],
        },
      },
    ]);
    const found = (await patterns()).body.patterns;
    expect(found.some((p) => p.count === 9 && p.kind === "forms_stopped" && !p.teacherName)).toBe(false);
  });
});
