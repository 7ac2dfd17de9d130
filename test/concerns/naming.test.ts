import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/api";
import { emailsTo, type StoredEmail } from "../support/mail";
import { email } from "./helpers";
import { act, childOf, fileConcern, runnerPerTest, token, waiting, type Who } from "./helpers";

/** Concerns people can tell apart: a subject, a short per-district reference, a search, what waits on whom. */
const startRunner = runnerPerTest();

interface Summary {
  id: string;
  subject: string;
  reference: string | null;
  studentName: string;
  status: string;
  assignee: { name: string } | null;
  dueAt: string | null;
}
interface Waiting {
  count: number;
  items: Array<{ kind: string; id: string; reference: string | null; subject: string; studentName: string; dueAt: string | null }>;
}

async function list(who: Who, query = ""): Promise<Summary[]> {
  const res = await call(`/api/concerns${query}`, { token: await token(who) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Summary[] }).items;
}
async function board(query = "") {
  const res = await call(`/api/reports/escalations${query}`, { token: await token("director") });
  expect(res.status).toBe(200);
  return (await res.json()) as { open: { items: Summary[] } };
}
async function waitingOn(who: Who): Promise<Waiting> {
  const res = await call("/api/concerns/waiting", { token: await token(who) });
  expect(res.status).toBe(200);
  return (await res.json()) as Waiting;
}
const numberOf = (reference: string | null) => Number(reference!.slice(2));

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  await Promise.all((["parent", "parent2", "teacher", "casemanager", "director"] as const).map(token));
});

describe("a concern's subject and reference", () => {
  it("are made at filing from the supports and the class, and every list shows them", async () => {
    const { status, body } = await fileConcern(sofia);
    expect(status).toBe(201);
    const filed = body as unknown as Summary;
    expect(filed.subject).toBe("Extended time · Grade 3 (Room 12)");
    expect(filed.reference).toMatch(/^C-\d{4,}$/);
    for (const who of ["parent", "teacher", "casemanager", "director"] as const) {
      const row = (await list(who)).find((c) => c.id === filed.id);
      expect(row, who).toMatchObject({ subject: filed.subject, reference: filed.reference, assignee: { name: "Maria Alvarez" }, dueAt: expect.any(String) });
    }
    expect((await board()).open.items.find((c) => c.id === filed.id)).toMatchObject({ subject: filed.subject, reference: filed.reference });
  });

  it("twelve filings at once in one district each take a reference of their own, one after another", async () => {
    const before = Math.max(...(await list("director")).map((c) => numberOf(c.reference)));
    const answers = await Promise.all(Array.from({ length: 12 }, () => fileConcern(sofia)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const numbers = answers.map((a) => numberOf((a.body as unknown as Summary).reference)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
  }, 60_000);

  it("a search by reference finds that concern, however it is typed; others' concerns stay hidden", async () => {
    const { body } = await fileConcern({ ...sofia, classId: undefined });
    const filed = body as unknown as Summary;
    expect(filed.subject).toBe("Extended time");
    const typed = filed.reference!.replace("C-", "c");
    for (const who of ["parent", "director", "casemanager"] as const)
      expect(
        (await list(who, `?q=${typed}`)).map((c) => c.id),
        who,
      ).toEqual([filed.id]);
    expect((await board(`?q=${encodeURIComponent(` ${filed.reference!.toLowerCase()} `)}`)).open.items.map((c) => c.id)).toEqual([filed.id]);
    expect(await list("parent2", `?q=${filed.reference}`)).toEqual([]);
    // Text finds subjects and names: every word, in any case.
    expect((await list("director", "?q=extended%20SOFIA")).length).toBeGreaterThan(1);
    expect(await list("director", "?q=calculator")).toEqual([]);
  });
});

/** The newest email to `who` whose text names the concern `id` (its link), once the outbox has sent it. */
async function mailAbout(who: Who, id: string): Promise<StoredEmail> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const found = (await emailsTo(email(who))).filter((m) => m.body.text?.includes(`/concerns/${id}`)).at(-1);
    if (found) return found;
  }
  throw new Error(`no email to ${who} about ${id}`);
}

describe("emails and the evidence packet", () => {
  it("name the concern by its reference and subject, in each reader's language", async () => {
    // The teacher reads Fidelio in Spanish; the parent in English.
    expect((await call("/api/me", { method: "PUT", token: await token("teacher"), body: { language: "es" } })).status).toBe(200);
    expect((await call("/api/me", { method: "PUT", token: await token("parent"), body: { language: "en" } })).status).toBe(200);
    const filed = (await fileConcern(sofia)).body as unknown as Summary;
    const label = `${filed.reference} · Extended time · Grade 3 (Room 12)`;

    const receipt = await mailAbout("parent", filed.id);
    expect(receipt.body.text!.split("\n")[0]).toBe(`Concern ${label}, about Sofia Martinez`);
    const teacher = await mailAbout("teacher", filed.id);
    expect(teacher.body.text!.split("\n")[0]).toBe(`Inquietud ${label}, sobre Sofia Martinez`);
    expect(teacher.body.html).toContain(`Inquietud ${label}, sobre Sofia Martinez`);

    for (const [lang, reference, subject] of [
      ["en", "Reference", "Subject"],
      ["es", "Referencia", "Asunto"],
    ] as const) {
      const res = await call(`/api/concerns/${filed.id}/packet?lang=${lang}`, { token: await token("parent") });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html, lang).toContain(`<dt>${reference}</dt><dd>${filed.reference}</dd>`);
      expect(html, lang).toContain(`<dt>${subject}</dt><dd>Extended time · Grade 3 (Room 12)</dd>`);
      expect(html, lang).toContain(`<p id="concern-label"><strong>${label}</strong> · Sofia Martinez</p>`);
      expect(/<title>([^<]*)<\/title>/.exec(html)![1], lang).toContain(label);
    }
    // Back to English for the tests that follow.
    expect((await call("/api/me", { method: "PUT", token: await token("teacher"), body: { language: "en" } })).status).toBe(200);
  });
});

describe("GET /api/concerns/waiting", () => {
  it("tells the teacher what to answer, then the parent the question to answer by its deadline", async () => {
    await startRunner({ timeScale: 1 });
    const { body } = await fileConcern(sofia);
    const open = await waiting(body.id);
    const teacher = await waitingOn("teacher");
    expect(teacher.items.find((i) => i.id === body.id)).toMatchObject({
      kind: "respond",
      subject: "Extended time · Grade 3 (Room 12)",
      reference: expect.stringMatching(/^C-/),
      dueAt: body.dueAt,
    });
    expect(teacher.count).toBe(teacher.items.length);
    expect((await waitingOn("parent")).items.find((i) => i.id === body.id)).toBeUndefined();

    expect((await act("teacher", open, "request_info", "Which quiz was it, and on which day?")).status).toBe(200);
    const asked = await waiting(body.id, (c) => c.status === "awaiting_info");
    const parent = await waitingOn("parent");
    expect(parent.items.filter((i) => i.id === body.id)).toEqual([
      {
        kind: "answer_question",
        id: body.id,
        reference: expect.stringMatching(/^C-/),
        subject: "Extended time · Grade 3 (Room 12)",
        studentName: "Sofia Martinez",
        dueAt: asked.dueAt,
      },
    ]);
    expect(parent.count).toBe(parent.items.length);
    expect((await waitingOn("teacher")).items.find((i) => i.id === body.id)).toBeUndefined();
    expect((await waitingOn("parent2")).items).toEqual([]);

    expect((await act("parent", asked, "provide_info", "The Friday quiz, in math.")).status).toBe(200);
    const answered = await waiting(body.id, (c) => c.status === "open");
    expect((await act("teacher", answered, "resolve", "Extended time is written on every quiz now.")).status).toBe(200);
    const resolved = await waiting(body.id, (c) => c.status === "awaiting_confirmation");
    expect((await waitingOn("parent")).items.find((i) => i.id === body.id)).toMatchObject({ kind: "confirm_fix", dueAt: resolved.dueAt });
  }, 60_000);
});
