import { beforeAll, describe, expect, it } from "vitest";
import { demoSettings } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { districtToday } from "@fidelio/core/clock";
import { addDays } from "@fidelio/core/calendar";
import { batchPut, putItem } from "@fidelio/core/dynamo";
import { newId } from "@fidelio/core/id";
import { Iep } from "@fidelio/core/iep";
import { Student, studentItem, studentWordItems } from "@fidelio/core/student";
import { call, signIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

interface StudentView {
  student: { id: string; name: string };
  relationship: string;
  myClasses: Array<{ id: string; title: string }>;
  iep: null | {
    version: number;
    effectiveFrom: string;
    accommodations: Array<{ id: string; text: string; appliesInMyClasses?: boolean }>;
    services: Array<{ name: string; minutesPerWeek: number; providerRole: string }>;
    goals: Array<{ area: string; text: string }>;
  };
  team: Array<{ name: string; role: string }>;
}

const day = (offset: number) => addDays(districtToday(demoSettings), offset);

describe("a student's record", () => {
  const t = {} as Record<"parent" | "teacher", string>;
  let childId = "";
  const view = async (who: keyof typeof t) => (await (await call(`/api/students/${childId}`, { token: t[who] })).json()) as StudentView;

  beforeAll(async () => {
    await seedDemo();
    t.parent = await signIn("parent@demo.fidelio.test");
    t.teacher = await signIn("teacher@demo.fidelio.test");
    childId = ((await (await call("/api/students", { token: t.parent })).json()) as { items: Array<{ id: string }> }).items[0]!.id;
  });

  it("shows the parent the IEP in effect: accommodations, services with weekly minutes and provider, goals, team", async () => {
    const record = await view("parent");
    expect(record.relationship).toBe("parent");
    expect(record.iep?.accommodations.length).toBeGreaterThan(0);
    expect(record.iep?.services.every((s) => Number.isInteger(s.minutesPerWeek) && s.minutesPerWeek > 0 && s.providerRole)).toBe(true);
    expect(record.iep?.goals.length).toBeGreaterThan(0);
    expect(record.team.map((m) => m.role)).toEqual(expect.arrayContaining(["teacher", "case_manager"]));
    expect(record.myClasses).toEqual([]);
    expect(record.iep?.accommodations.every((a) => a.appliesInMyClasses === undefined)).toBe(true);
  });

  it("tells a teacher their classes and which accommodations apply in them", async () => {
    const record = await view("teacher");
    expect(record.relationship).toBe("teacher");
    expect(record.myClasses.length).toBeGreaterThan(0);
    expect(record.iep?.accommodations.every((a) => typeof a.appliesInMyClasses === "boolean")).toBe(true);
    expect(record.iep?.accommodations.some((a) => a.appliesInMyClasses)).toBe(true);
  });

  it("keeps showing the current IEP until an amendment takes effect, then shows the amendment", async () => {
    const before = (await view("parent")).iep!;
    const latest = Iep.latest((await Student.load(childId))!.ieps)!;
    const amendment = (offset: number, version: number) => ({
      ...latest,
      version,
      effectiveFrom: day(offset),
      accommodations: [...latest.accommodations, { id: `acc-amend-${version}`, text: "Use of a calculator on math tests" }],
      createdAt: new Date().toISOString(),
    });
    await putItem(Iep.toItem(amendment(30, latest.version + 1)), "attribute_not_exists(pk)");
    expect((await view("parent")).iep!.version).toBe(before.version);
    await putItem(Iep.toItem(amendment(0, latest.version + 2)), "attribute_not_exists(pk)");
    const now = (await view("parent")).iep!;
    expect(now.version).toBe(latest.version + 2);
    expect(now.accommodations.map((a) => a.text)).toContain("Use of a calculator on math tests");
  });
});

interface Summary {
  id: string;
  name: string;
  grade: string;
  schoolId?: string;
  schoolName: string;
  can: Record<string, boolean>;
}
interface Page {
  items: Summary[];
  cursor?: string;
}

describe("director search through the API", () => {
  const t = {} as Record<"director" | "teacher", string>;
  let schools: Array<{ id: string; name: string }> = [];
  const search = async (query: string, who: keyof typeof t = "director") => {
    const res = await call(`/api/students?${query}`, { token: t[who] });
    return { status: res.status, body: (await res.json()) as Page };
  };
  /** Follows the cursor to the end, checking each page stays within the page size. */
  const everyPage = async (query: string) => {
    const pages: Page[] = [];
    let cursor = "";
    do {
      const { status, body } = await search(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(50);
      pages.push(body);
      cursor = body.cursor ?? "";
    } while (cursor);
    return pages;
  };

  beforeAll(async () => {
    await seedDemo();
    t.director = await signIn("director@demo.fidelio.test");
    t.teacher = await signIn("teacher@demo.fidelio.test");
    schools = ((await (await call("/api/students/schools", { token: t.director })).json()) as { items: typeof schools }).items;
    const districtId = ((await (await call("/api/me", { token: t.director })).json()) as { district: { id: string } }).district.id;
    // 130 more students named Quinn, spread over both schools and three grades, and one Núñez.
    // Each with its name-word items, as the roster import writes them.
    const withWords = (info: Parameters<typeof studentItem>[0]) => [studentItem(info), ...studentWordItems(info)];
    await batchPut([
      ...Array.from({ length: 130 }, (_, i) => {
        const school = schools[i % 2]!;
        return withWords({
          id: newId("stu"),
          districtId,
          schoolId: school.id,
          schoolName: school.name,
          firstName: `Pat${String(i).padStart(3, "0")}`,
          lastName: "Quinn",
          grade: ["02", "04", "06"][i % 3]!,
        });
      }).flat(),
      ...withWords({
        id: newId("stu"),
        districtId,
        schoolId: schools[0]!.id,
        schoolName: schools[0]!.name,
        firstName: "Sofía",
        lastName: "Núñez",
        grade: "04",
      }),
    ]);
  });

  it("finds students by the start of the last name, paging with a cursor", async () => {
    const pages = await everyPage("q=quinn");
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 30]);
    const names = pages.flatMap((p) => p.items.map((s) => s.name));
    expect(new Set(names).size).toBe(130);
    expect(names.every((n) => n.endsWith(" Quinn"))).toBe(true);
    expect(names).toEqual([...names].sort());
  });

  it("ignores case and accents, and matches 'last first'", async () => {
    for (const q of ["nunez", "NÚÑ", "Núñez, Sof", "nunez sofia"]) {
      const { body } = await search(`q=${encodeURIComponent(q)}`);
      expect(
        body.items.map((s) => s.name),
        q,
      ).toEqual(["Sofía Núñez"]);
    }
    expect((await search("q=zzzz")).body.items).toEqual([]);
  });

  it("finds a student by any part of the name: the first name, the last, or both in either order", async () => {
    // Sofia Martinez comes from the demo roster import; Sofía Núñez from this test.
    expect((await search("q=Sofia")).body.items.map((s) => s.name)).toEqual(["Sofia Martinez", "Sofía Núñez"]);
    expect((await search("q=mart")).body.items.map((s) => s.name)).toContain("Sofia Martinez");
    for (const q of ["sofia mart", "Martinez Sofia", "SOF MAR"])
      expect(
        (await search(`q=${encodeURIComponent(q)}`)).body.items.map((s) => s.name),
        q,
      ).toEqual(["Sofia Martinez"]);
    expect((await search("q=pat007")).body.items.map((s) => s.name)).toEqual(["Pat007 Quinn"]);
  });

  it("filters by school and grade, each page bounded, until the cursor runs out", async () => {
    const [school] = schools;
    const pages = await everyPage(`q=quinn&schoolId=${school!.id}&grade=04`);
    const found = pages.flatMap((p) => p.items);
    expect(found.length).toBe(Array.from({ length: 130 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 === 1).length);
    expect(found.every((s) => s.schoolId === school!.id && s.grade === "04")).toBe(true);
    // Without a name, the school filter still pages through the district a bounded read at a time.
    const wholeSchool = (await everyPage(`schoolId=${school!.id}`)).flatMap((p) => p.items);
    expect(wholeSchool.length).toBeGreaterThan(65);
    expect(wholeSchool.every((s) => s.schoolName === school!.name)).toBe(true);
  });

  it("sorts by name either way", async () => {
    const { body } = await search("q=quinn&order=desc");
    expect(body.items[0]!.name).toBe("Pat129 Quinn");
  });

  it("lets only the district's director and admin search, and rejects bad input", async () => {
    expect((await search("q=quinn", "teacher")).status).toBe(403);
    expect((await search(`q=${"x".repeat(81)}`)).status).toBe(400);
    expect((await search("order=sideways")).status).toBe(400);
  });
});

describe("what each demo role may do, from the API", () => {
  const who = ["admin", "director", "casemanager", "teacher", "parent", "advocate"] as const;
  const t = {} as Record<(typeof who)[number], string>;
  let child = "";

  beforeAll(async () => {
    await seedDemo();
    for (const w of who) t[w] = await signIn(`${w}@demo.fidelio.test`);
    child = ((await (await call("/api/students", { token: t.parent })).json()) as Page).items[0]!.id;
  });

  it("GET /api/me carries the navigation flags per role", async () => {
    const can = Object.fromEntries(
      await Promise.all(who.map(async (w) => [w, ((await (await call("/api/me", { token: t[w] })).json()) as { can: Record<string, boolean> }).can])),
    );
    const on = (w: (typeof who)[number]) =>
      Object.keys(can[w])
        .filter((k) => can[w][k])
        .sort();
    expect(on("admin")).toEqual(["editDistrict", "importRoster", "viewAllStudents", "viewDistrictSettings", "viewFidelityReport"]);
    expect(on("director")).toEqual(["viewAllStudents", "viewConcerns", "viewDistrictSettings", "viewEscalationBoard", "viewFidelityReport", "viewPatterns"]);
    expect(on("casemanager")).toContain("viewCaseload");
    expect(on("casemanager")).not.toContain("viewAllStudents");
    expect(on("teacher")).toEqual(["fillFidelityForms", "viewConcerns", "viewHelpRequests", "viewMyClasses"]);
    expect(on("parent")).toEqual(["viewConcerns", "viewMyChildren"]);
    expect(on("advocate")).toEqual(["viewConcerns", "viewHandedOverConcerns"]);
  });

  it("a student's record says what the caller may do with it", async () => {
    const canOn = async (w: (typeof who)[number]) =>
      ((await (await call(`/api/students/${child}`, { token: t[w] })).json()) as { can: Record<string, boolean> }).can;
    expect(await canOn("parent")).toEqual({
      viewAudit: true,
      editIep: false,
      fileConcern: true,
      viewFidelity: true,
      acknowledgeIep: false,
      requestRecords: true,
      releaseRecords: false,
      planMakeUp: false,
    });
    expect(await canOn("teacher")).toEqual({
      viewAudit: false,
      editIep: false,
      fileConcern: false,
      viewFidelity: true,
      acknowledgeIep: true,
      requestRecords: false,
      releaseRecords: false,
      planMakeUp: false,
    });
    expect(await canOn("casemanager")).toEqual({
      viewAudit: false,
      editIep: true,
      fileConcern: false,
      viewFidelity: true,
      acknowledgeIep: true,
      requestRecords: false,
      releaseRecords: true,
      planMakeUp: true,
    });
    expect(await canOn("director")).toEqual({
      viewAudit: true,
      editIep: true,
      fileConcern: false,
      viewFidelity: true,
      acknowledgeIep: false,
      requestRecords: false,
      releaseRecords: true,
      planMakeUp: true,
    });
    expect(await canOn("admin")).toEqual({
      viewAudit: true,
      editIep: true,
      fileConcern: false,
      viewFidelity: true,
      acknowledgeIep: false,
      requestRecords: false,
      releaseRecords: false,
      planMakeUp: false,
    });
  });

  it("so do the rows of a list", async () => {
    const rows = async (w: (typeof who)[number]) => ((await (await call("/api/students", { token: t[w] })).json()) as Page).items;
    expect((await rows("parent"))[0]!.can).toEqual({
      viewAudit: true,
      editIep: false,
      fileConcern: true,
      viewFidelity: true,
      acknowledgeIep: false,
      requestRecords: true,
      releaseRecords: false,
      planMakeUp: false,
    });
    expect((await rows("teacher")).every((s) => !s.can.viewAudit && !s.can.fileConcern)).toBe(true);
    expect((await rows("director")).every((s) => s.can.viewAudit && s.can.editIep)).toBe(true);
  });
});

describe("a teacher's classes", () => {
  it("groups the students a teacher serves by class, with the accommodations that apply in each", async () => {
    await seedDemo();
    const token = await signIn("teacher2@demo.fidelio.test");
    const res = await call("/api/students/classes", { token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Array<{ title: string; students: Array<{ name: string; accommodations: Array<{ id: string }> }> }> };
    expect(items.map((c) => c.title)).toEqual(["Math 7", "Math 8"]);
    expect(items.every((c) => c.students.length > 0)).toBe(true);
    // The calculator accommodation is limited to math classes: this math teacher sees it.
    expect(items.flatMap((c) => c.students).some((s) => s.accommodations.some((a) => a.id === "acc-calculator"))).toBe(true);
    const served = ((await (await call("/api/students", { token })).json()) as Page).items;
    expect(items.flatMap((c) => c.students).length).toBe(served.length);
  });
});
