import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../support/demo-table";
import { Audit } from "@fidelio/core/audit";
import { putItem } from "@fidelio/core/dynamo";
import { User } from "@fidelio/core/user";
import { call, signIn } from "../support/api";

interface Problem {
  field: string;
  code: string;
  params?: Record<string, number | string>;
  message: string;
}
interface Entry {
  id: string;
  reason: string;
  action: string;
}

describe("problems travel as codes", () => {
  let admin = "";
  beforeAll(async () => {
    await seedDemo();
    admin = await signIn("admin@demo.fidelio.test");
  });

  it("a refused district save names each field's problem by code and params, with English for scripts, and changes nothing", async () => {
    const current = (await (await call("/api/admin/district", { token: admin })).json()) as Record<string, any>;
    const body = {
      calendar: { ...current.calendar, closures: [{ from: "2000-01-03", to: "2000-01-04", name: "" }] },
      deadlines: { ...current.deadlines, teacher: 61 },
      fidelityGraceDays: 2.5,
      version: current.version,
    };
    const res = await call("/api/admin/district", { method: "PUT", token: admin, body });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; problems: Problem[]; fields: Record<string, string[]> };
    expect(answer.error).toBe("invalid");
    expect(answer.problems).toEqual(
      expect.arrayContaining([
        { field: "deadlines.teacher", code: "out_of_range", params: { min: 1, max: 60 }, message: "Teacher: 1 to 60 school days" },
        expect.objectContaining({ field: "fidelityGraceDays", code: "not_whole_number" }),
        expect.objectContaining({ field: "calendar.closures.0.name", code: "required", message: "Name the closure" }),
        expect.objectContaining({ field: "calendar.closures", code: "closure_outside_year" }),
      ]),
    );
    for (const problem of answer.problems) expect(problem.message).toMatch(/\w/);
    expect(answer.fields["deadlines.teacher"]).toEqual(["Teacher: 1 to 60 school days"]);
    expect(((await (await call("/api/admin/district", { token: admin })).json()) as Record<string, any>).version).toBe(current.version);
  });

  it("a date that is no real day is invalid_date; a closure that ends first is closure_ends_before_start", async () => {
    const current = (await (await call("/api/admin/district", { token: admin })).json()) as Record<string, any>;
    const { firstDay, lastDay } = current.calendar;
    const body = {
      calendar: { firstDay: "2025-02-30", lastDay, closures: [{ from: lastDay, to: firstDay, name: "Backwards" }] },
      deadlines: current.deadlines,
      fidelityGraceDays: current.fidelityGraceDays,
      version: current.version,
    };
    const { problems } = (await (await call("/api/admin/district", { method: "PUT", token: admin, body })).json()) as { problems: Problem[] };
    expect(problems).toContainEqual({ field: "calendar.firstDay", code: "invalid_date", message: "Not a real date" });
    expect(problems).toContainEqual(expect.objectContaining({ field: "calendar.closures.0.to", code: "closure_ends_before_start" }));
  });

  it("a bad email at sign-in is invalid_email", async () => {
    const res = await call("/api/auth/start", { body: { email: "not-an-address" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: Problem[] }).problems).toEqual([
      { field: "email", code: "invalid_email", message: "Enter a valid email address" },
    ]);
  });
});

describe("audit reasons", () => {
  it("an entry stored with the old English sentence reads back as its code", async () => {
    await seedDemo();
    const director = await signIn("director@demo.fidelio.test");
    const parent = await signIn("parent@demo.fidelio.test");
    const [child] = ((await (await call("/api/students", { token: parent })).json()) as { items: Array<{ id: string }> }).items;
    const teacher = User.toActor((await User.byEmail("teacher@demo.fidelio.test"))!);
    // Written the way entries were before reasons were codes: the reason is the sentence of the time.
    const old = {
      ...Audit.itemFor(
        teacher,
        { studentId: child!.id, action: "student.read", record: "student", reason: "teacher" },
        { id: "aud_legacy000000000000000000001", at: "2020-01-02T03:04:05.000Z" },
      ),
      reason: "Teacher on the student's service team",
    };
    await putItem(old, "attribute_not_exists(pk)");
    let entry: Entry | undefined;
    let cursor: string | undefined;
    do {
      const page = (await (
        await call(`/api/audit?studentId=${child!.id}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token: director })
      ).json()) as { items: Entry[]; cursor?: string };
      entry = page.items.find((e) => e.id === old.id);
      cursor = page.cursor;
    } while (!entry && cursor);
    expect(entry?.reason).toBe("teacher");
    // New entries are stored as codes.
    const newest = ((await (await call(`/api/audit?studentId=${child!.id}`, { token: director })).json()) as { items: Entry[] }).items;
    expect(newest.every((e) => /^[a-z_]+$/.test(e.reason))).toBe(true);
  });
});

describe("PUT /api/me {language}", () => {
  let token = "";
  beforeAll(async () => {
    await seedDemo();
    token = await signIn("parent2@demo.fidelio.test");
  });

  it("stores the language, answers the updated me, and GET /api/me returns it", async () => {
    expect(((await (await call("/api/me", { token })).json()) as { language: string | null }).language).toBeNull();
    const res = await call("/api/me", { method: "PUT", token, body: { language: "es" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ language: "es", user: { email: "parent2@demo.fidelio.test" } });
    expect(((await (await call("/api/me", { token })).json()) as { language: string }).language).toBe("es");
    const stored = await User.byEmail("parent2@demo.fidelio.test");
    expect(stored?.language).toBe("es");
    expect(User.languageOf(stored!)).toBe("es");
  });

  it("refuses a language Fidelio does not speak with a 400 and a code, and keeps the stored one", async () => {
    await call("/api/me", { method: "PUT", token, body: { language: "en" } });
    const res = await call("/api/me", { method: "PUT", token, body: { language: "fr" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: Problem[] }).problems).toEqual([expect.objectContaining({ field: "language", code: "invalid_choice" })]);
    const missing = await call("/api/me", { method: "PUT", token, body: {} });
    expect(((await missing.json()) as { problems: Problem[] }).problems).toEqual([expect.objectContaining({ field: "language", code: "required" })]);
    expect(((await (await call("/api/me", { token })).json()) as { language: string }).language).toBe("en");
  });
});
