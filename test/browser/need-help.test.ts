import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { clock } from "@fidelio/core/clock";
import { startTestServer } from "../support/server";
import { call, signIn as apiSignIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { currentWeek, demo } from "../fidelity/helpers";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";

pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
let manager = "";

interface ClassForm {
  id: string;
  studentId: string;
  studentName: string;
  status: string;
  plan: { accommodations: Array<{ id: string; text: string }> };
  classItemIds: string[];
  accommodations: Array<{ itemId: string; status: string; needsHelp?: boolean }>;
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await apiSignIn(demo("casemanager"));
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

async function open(who: string, viewport: { width: number; height: number }, locale: string, path: string) {
  const browser = await launchBrowser(viewport, locale);
  browsers.push(browser);
  const page = await browser.context.newPage();
  await signedIn(page, server.url, demo(who), path);
  return page;
}

async function classForms(token: string, week: string) {
  const res = await call(`/api/fidelity/classes/cls-es-g3/weeks/${week}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { forms: ClassForm[] }).forms;
}

type Lists = { toAnswer: Array<{ studentName: string; itemText: string; trigger: string; status: string }> };
const toAnswer = async () => ((await (await call("/api/help-requests", { token: manager })).json()) as Lists).toAnswer;

/** The teacher's home: their own request, whose box is labelled for a comment (only the case manager resolves). */
async function teacherCommentBox(page: Page, student: string, item: string, label: string) {
  await page.goto(new URL("/", page.url()).href);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${student}: "${item}"` }) });
  await card.getByRole("textbox", { name: label, exact: true }).waitFor();
  expect(await card.getByRole("button", { name: /Resolve|Resolver/ }).count()).toBe(0);
}

/** The case manager's home: the request for `student`'s support, with why it was opened. */
async function managerSees(viewport: { width: number; height: number }, locale: string, c: { student: string; item: string; section: RegExp; why: string }) {
  const page = await open("casemanager", viewport, locale, "/");
  if (locale.startsWith("es")) {
    await page.getByRole("heading", { level: 1 }).waitFor();
    const spanish = page.getByRole("button", { name: "Español" });
    if (await spanish.isVisible()) await spanish.click();
  }
  const section = page.getByRole("region", { name: c.section });
  const card = section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${c.student}: "${c.item}"` }) });
  await card.waitFor();
  await card.getByText(c.why).waitFor();
  // What waits on them counts the requests to answer with the concerns, and lists exactly as many.
  const waiting = page.getByRole("region", { name: /^(Waiting on you|Pendiente de su parte)$/ });
  await waiting.getByRole("link", { name: `${c.student}: "${c.item}"` }).waitFor();
  // Signed in afresh: the clock may have moved past the file's first session.
  const token = await apiSignIn(demo("casemanager"));
  const concerns = (await (await call("/api/concerns/waiting", { token })).json()) as { count: number };
  const lists = (await (await call("/api/help-requests", { token })).json()) as Lists;
  const expected = concerns.count + lists.toAnswer.filter((h) => h.status === "open").length;
  expect(await waiting.getByRole("listitem").count()).toBe(expected);
  await waiting.getByText(new RegExp(`^${expected} (things are waiting on you|asuntos esperan su respuesta)\\.$`)).waitFor();
  await expectAccessible(page, `case manager's home with the request, ${locale} ${viewport.width}px`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("on the class grid a teacher asks for help with one support and keeps the team note through another's save; the case manager sees the request; desktop, English", async () => {
  const week = await currentWeek();
  const teacher = await apiSignIn(demo("teacher"));
  const aiden = (await classForms(teacher, week)).find((f) => f.studentName === "Aiden Lee")!;
  const item = aiden.plan.accommodations.find((a) => aiden.classItemIds.includes(a.id))!;

  const page = await open("teacher", { width: 1280, height: 900 }, "en-US", `/fidelity/classes/cls-es-g3/weeks/${week}`);
  const row = page.getByRole("region", { name: "Aiden Lee" });
  await row.waitFor();
  await page.getByRole("button", { name: "Everything provided, whole class" }).click();
  const support = row.getByRole("group", { name: item.text });
  await support.getByRole("radio", { name: "Provided", checked: true }).waitFor();
  const ask = support.getByRole("checkbox", { name: "I need help with this" });
  await ask.press("Space");
  await expect.poll(() => ask.isChecked()).toBe(true);
  await support.getByText("When you submit, the student's case manager is asked to help with it.").waitFor();

  // The team note, behind its disclosure: the case manager saves one after the teacher opened it.
  const disclosure = row.getByRole("button", { name: "Team note: Aiden Lee" });
  await expect(disclosure.getAttribute("aria-expanded")).resolves.toBe("false");
  await disclosure.press("Enter");
  await expect(disclosure.getAttribute("aria-expanded")).resolves.toBe("true");
  const box = row.getByRole("textbox", { name: "Team note: Aiden Lee" });
  await box.waitFor();
  const notePath = `/api/team-notes/${aiden.studentId}/${week}`;
  const theirs = "Modelled the read-aloud on Tuesday.";
  expect((await call(notePath, { method: "PUT", token: manager, body: { text: theirs, version: 0 } })).status).toBe(200);
  const mine = "The checklist worked; a test is coming on Friday.";
  await box.fill(mine);
  await row.getByRole("button", { name: "Save team note" }).click();
  const stale = row.getByRole("alert").filter({ hasText: "changed this note meanwhile" });
  await stale.waitFor();
  await stale.getByText(theirs).waitFor();
  await expect(box.inputValue()).resolves.toBe(mine);
  await expectAccessible(page, "class grid with a help request ticked and a team note in conflict, desktop");
  await row.getByRole("button", { name: "Save team note" }).click();
  await row.getByRole("status").filter({ hasText: "Team note saved." }).waitFor();
  const note = (await (await call(notePath, { token: manager })).json()) as { text: string; version: number };
  expect(note).toMatchObject({ text: mine, version: 2 });

  await page.getByRole("button", { name: "Submit the class" }).click();
  await page.getByRole("status").filter({ hasText: "Every form of this class is submitted." }).waitFor();
  const sent = (await classForms(teacher, week)).find((f) => f.studentName === "Aiden Lee")!;
  expect(sent.status).toBe("submitted");
  expect(sent.accommodations.find((a) => a.itemId === item.id)).toMatchObject({ status: "provided", needsHelp: true });
  expect(sent.accommodations.filter((a) => a.needsHelp)).toHaveLength(1);
  expect(await toAnswer()).toContainEqual(expect.objectContaining({ studentName: "Aiden Lee", itemText: item.text, trigger: "asked", status: "open" }));
  await teacherCommentBox(page, "Aiden Lee", item.text, "Your comment for the case manager");

  await managerSees({ width: 1280, height: 900 }, "en-US", {
    student: "Aiden Lee",
    item: item.text,
    section: /^Help requests$/,
    why: "Why: The teacher asked for help with it",
  });
}, 240_000);

test("on the one-student form a teacher asks for help before answering, and the ask is kept; the case manager sees it; phone, Spanish", async () => {
  // The next school week: fresh forms.
  clock.set("2026-12-16T18:00:00Z");
  const week = await currentWeek();
  const teacher = await apiSignIn(demo("teacher"));
  const chloe = (await classForms(teacher, week)).find((f) => f.studentName === "Chloe Davis")!;
  const [first, ...rest] = chloe.plan.accommodations;

  const page: Page = await open("teacher", { width: 390, height: 844 }, "es-ES", `/fidelity/forms/${encodeURIComponent(chloe.id)}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const spanish = page.getByRole("button", { name: "Español" });
  if (await spanish.isVisible()) await spanish.click();
  const support = page.getByRole("group", { name: first!.text });
  // Ticked first, then answered: choosing the answer keeps the ask.
  await support.getByRole("checkbox", { name: "Necesito ayuda con esto" }).check();
  await support.getByRole("radio", { name: "Se brindó", exact: true }).check();
  for (const other of rest) await page.getByRole("group", { name: other.text }).getByRole("radio", { name: "Se brindó", exact: true }).check();
  await expect(support.getByRole("checkbox", { name: "Necesito ayuda con esto" }).isChecked()).resolves.toBe(true);
  await expectAccessible(page, "one-student form with a help request ticked, phone, Spanish");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole("button", { name: "Enviar formulario" }).click();
  await expect.poll(async () => (await classForms(teacher, week)).find((f) => f.id === chloe.id)!.status, { timeout: 15_000 }).toBe("submitted");
  const sent = (await classForms(teacher, week)).find((f) => f.id === chloe.id)!;
  expect(sent.accommodations.filter((a) => a.needsHelp).map((a) => a.itemId)).toEqual([first!.id]);
  await teacherCommentBox(page, "Chloe Davis", first!.text, "Su comentario para el administrador de caso");

  await managerSees({ width: 390, height: 844 }, "es-US", {
    student: "Chloe Davis",
    item: first!.text,
    section: /^Solicitudes de ayuda$/,
    why: "Motivo: El maestro pidió ayuda con esto",
  });
}, 240_000);
