import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { BrowserContext } from "playwright-core";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";
import { addWeeks, weekStart } from "@fidelio/core/fidelity/week";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { currentWeek } from "../fidelity/helpers";

// The demo roster: teacher@ (Maria Alvarez, Grade 3) serves parent@'s child, Sofia.
const CHILD = "Sofia Martinez";

// An ordinary school day, unless the run pins another instant (npm run test:instants).
pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
// A set clock, for the server (in this process) and each browser: Wednesday 9 December 2026, noon in
// Riverbend. Unset, the test failed on Sunday evenings in California, when UTC's week is already the next.
const clock = new Date("2026-12-09T20:00:00Z");
const open = async (viewport?: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  await browser.context.clock.setFixedTime(clock);
  browsers.push(browser);
  return { context: browser.context, page: await browser.context.newPage() };
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  server = await startTestServer();
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
  vi.useRealTimers();
}, 60_000);

interface FormSummary {
  id: string;
  studentName: string;
  status: string;
  version: number;
}

async function formFor(context: BrowserContext, week: string, name: string) {
  const response = await context.request.get(`${server.url}/api/fidelity/forms?week=${week}`);
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: FormSummary[] };
  return items.find((f) => f.studentName === name);
}

/**
 * Last week's answers, known to the test, through the API (the demo's may be any; a week past the
 * grace period, or a correction, says why), so "same as last week" has something known to copy.
 */
async function fillLastWeek(context: BrowserContext, lastWeek: string) {
  const summary = (await formFor(context, lastWeek, CHILD))!;
  const form = (await (await context.request.get(`${server.url}/api/fidelity/forms/${summary.id}`)).json()) as {
    version: number;
    status: string;
    plan: { accommodations: Array<{ id: string }> };
  };
  const statuses = ["provided", "partly", "provided", "provided"];
  // A miss names its barrier.
  const accommodations = form.plan.accommodations.map((a, i) => ({
    itemId: a.id,
    status: statuses[i % statuses.length],
    ...(statuses[i % statuses.length] === "partly" ? { reason: "student_absent" } : {}),
  }));
  const response = await context.request.put(`${server.url}/api/fidelity/forms/${summary.id}`, {
    data: { version: form.version, accommodations, services: [], reason: "Entered after the Thanksgiving break" },
    headers: { origin: server.url },
  });
  expect(response.status(), await response.text()).toBe(200);
  return form.plan.accommodations.length;
}

test("a case manager amends the IEP; the teacher acknowledges it and completes the week's form on a phone with \"same as last week\", a 409 shown, not lost; the parent reads it in Spanish with the chart's table; the director's report and CSV", async () => {
  // The district's week: on a Sunday evening in its zone the phone may already be in Monday, and the page shows the district's.
  const thisWeek = await currentWeek();
  const lastWeek = addWeeks(thisWeek, -1);
  // The case manager records an amendment in effect from this week's Monday (so also for this week's form
  // when the district's week has ended, on a Sunday): the teacher must acknowledge it before submitting.
  const manager = await open({ width: 1280, height: 900 });
  await signedIn(manager.page, server.url, "casemanager@demo.fidelio.test");
  await manager.page.getByRole("link", { name: "Caseload fidelity" }).click();
  await manager.page.getByRole("heading", { level: 1, name: "Caseload fidelity" }).waitFor();
  await manager.page.getByRole("table", { name: `${CHILD}: accommodations, last 10 weeks` }).waitFor();
  await manager.page
    .getByText(/^Accommodations provided in full: \d+% of weekly reports/)
    .first()
    .waitFor();
  await expectAccessible(manager.page, "caseload fidelity, desktop");
  await manager.page.getByRole("link", { name: `New IEP version: ${CHILD}` }).click();
  await manager.page.getByRole("heading", { level: 1, name: `New IEP version for ${CHILD}` }).waitFor();
  await manager.page.getByRole("button", { name: "Add: modifications" }).click();
  const modifications = manager.page.getByRole("group", { name: /^Modification \d+$/ });
  await modifications.last().getByLabel("What it says").fill("Spelling lists of 10 words instead of 20");
  await manager.page.getByLabel("In effect from").fill(weekStart(thisWeek));
  await expectAccessible(manager.page, "IEP editor, desktop");
  await manager.page.getByRole("button", { name: "Save new version" }).click();
  await manager.page.getByRole("status").filter({ hasText: "New version saved." }).waitFor();
  await manager.page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(manager.page, "IEP editor after saving, phone");
  // Nobody on the team has acknowledged the new version yet.
  await manager.page.getByRole("link", { name: "Caseload fidelity" }).click();
  await manager.page
    .getByRole("region", { name: CHILD })
    .getByText(/^Has not acknowledged the current IEP: .*Maria Alvarez/)
    .waitFor();
  await expectAccessible(manager.page, "caseload fidelity, phone");

  const teacher = await open({ width: 390, height: 844 });
  await signedIn(teacher.page, server.url, "teacher@demo.fidelio.test");
  const items = await fillLastWeek(teacher.context, lastWeek);
  expect(items).toBeGreaterThan(0);

  // The week: classes, each student, this week's and last week's state.
  await teacher.page.getByRole("link", { name: "Weekly forms" }).click();
  await teacher.page.getByRole("heading", { level: 1, name: "Weekly fidelity forms" }).waitFor();
  await teacher.page.getByRole("heading", { level: 2, name: "Grade 3 (Room 12)" }).waitFor();
  const row = teacher.page.getByRole("row", { name: new RegExp(CHILD) });
  await row.getByRole("link", { name: new RegExp(`^Draft: ${CHILD}`) }).waitFor();
  await expectAccessible(teacher.page, "teacher's week, phone");

  const started = performance.now();
  // The first column is this week.
  const thisWeeks = row.getByRole("link").first();
  expect(await thisWeeks.getAttribute("aria-label")).toMatch(new RegExp(`^Not started: ${CHILD}, Week of`));
  await thisWeeks.click();
  await teacher.page.getByRole("heading", { level: 1, name: new RegExp(`^${CHILD}: week of`) }).waitFor();

  // First the plain-language list to acknowledge; the form stays locked until then.
  const ack = teacher.page.getByRole("button", { name: "I have read this list and will provide these supports" });
  await ack.waitFor();
  await expectAccessible(teacher.page, "weekly form asking for acknowledgment, phone");
  await ack.click();
  await teacher.page.getByRole("status").filter({ hasText: "Acknowledged" }).waitFor();

  await teacher.page.getByRole("button", { name: "Same as last week" }).click();
  await teacher.page.getByText("Last week's answers copied").waitFor();
  const radios = teacher.page.getByRole("radio", { checked: true });
  await expect.poll(() => radios.count()).toBe(items);
  const first = teacher.page.getByRole("group", { name: /^Extended time/ });
  expect(await first.getByRole("radio", { name: "Provided", exact: true }).isChecked()).toBe(true);
  await teacher.page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor();

  // Someone saves the same form elsewhere (another device): the next save here gets 409, shows what
  // they changed and overwrites nothing until the teacher chooses.
  const formId = teacher.page.url().split("/").pop()!;
  const stored = (await (await teacher.context.request.get(`${server.url}/api/fidelity/forms/${formId}`)).json()) as {
    version: number;
    accommodations: Array<{ itemId: string; status: string; note?: string }>;
    services: unknown[];
  };
  const elsewhere = stored.accommodations.map((a, i) =>
    i === 0 ? { itemId: a.itemId, status: "not_provided", note: "Substitute teacher", reason: "time_or_staff" } : a,
  );
  const put = await teacher.context.request.put(`${server.url}/api/fidelity/forms/${formId}`, {
    data: { version: stored.version, accommodations: elsewhere, services: stored.services },
    headers: { origin: server.url },
  });
  expect(put.status(), await put.text()).toBe(200);
  await first.getByLabel("Note (optional)").fill("Used on Tuesday's quiz");
  const conflict = teacher.page.getByRole("alert").filter({ hasText: "Someone else saved this form" });
  await conflict.waitFor();
  await conflict.getByText(/^Extended time.*: Provided → Not provided/).waitFor();
  await teacher.page.getByRole("button", { name: "Use their version" }).click();
  await expect.poll(() => first.getByRole("radio", { name: "Not provided" }).isChecked()).toBe(true);
  await first.getByRole("radio", { name: "Provided", exact: true }).check();
  await teacher.page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor();

  // A change by keyboard only: arrow keys move within an answer's choices, and it saves itself.
  const second = teacher.page.getByRole("group", { name: /^Test items read aloud/ });
  expect(await second.getByRole("radio", { name: "Partly" }).isChecked()).toBe(true);
  await second.getByRole("radio", { checked: true }).focus();
  await teacher.page.keyboard.press("ArrowRight");
  await expect.poll(() => second.getByRole("radio", { name: "Not provided" }).isChecked()).toBe(true);
  await teacher.page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor();
  await expectAccessible(teacher.page, "weekly form filled in, phone");

  await teacher.page.getByRole("button", { name: "Submit form" }).click();
  await teacher.page.getByRole("status").filter({ hasText: "Form submitted." }).waitFor();
  const seconds = (performance.now() - started) / 1000;
  console.log(`teacher's form, from opening to submitted: ${seconds.toFixed(1)} s`);
  expect((await formFor(teacher.context, thisWeek, CHILD))!.status).toBe("submitted");
  await teacher.page.getByRole("link", { name: "Back to my week" }).click();
  await teacher.page
    .getByRole("row", { name: new RegExp(CHILD) })
    .getByRole("link", { name: new RegExp(`^Submitted: ${CHILD}`) })
    .first()
    .waitFor();
  await teacher.page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(teacher.page, "teacher's week, desktop");

  // The parent, in Spanish: the week's answers, minutes against required, and the table behind the chart.
  const parent = await open({ width: 390, height: 844 });
  await signedIn(parent.page, server.url, "parent@demo.fidelio.test");
  const child = (await apiStudents(parent.context, server.url)).find((s) => s.name === CHILD)!;
  await parent.page.getByRole("button", { name: "Español" }).click();
  await parent.page.getByRole("link", { name: `Apoyos brindados, semana a semana: ${CHILD}` }).click();
  await parent.page.getByRole("heading", { level: 1, name: `${CHILD}: apoyos brindados` }).waitFor();
  expect(await parent.page.evaluate(() => document.documentElement.lang)).toBe("es");
  const table = parent.page.getByRole("table", { name: /^Minutos por semana: / }).first();
  await table.waitFor();
  for (const name of ["Semana", "Requeridos", "Dados", "Se deben hasta ahora"]) await table.getByRole("columnheader", { name }).waitFor();
  expect(await table.locator("tbody tr").count()).toBe(10);
  await parent.page
    .getByRole("img", { name: /Gráfico de los minutos/ })
    .first()
    .waitFor();
  // The chart library loads on demand: on a busy machine that takes longer than a poll's default second.
  await expect.poll(() => parent.page.locator(".chart-box canvas").count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const supports = parent.page.getByRole("region", { name: "Apoyos en clase" });
  await supports
    .getByText(/Se brindó por completo en \d+ de \d+ informes semanales/)
    .first()
    .waitFor();
  await supports
    .getByRole("link", { name: /^Presentar una inquietud sobre esto/ })
    .first()
    .waitFor();
  expect(await parent.page.getByText(/provided|minutes|week/i).count()).toBe(0);
  await expectAccessible(parent.page, "parent's fidelity view in Spanish, phone");

  await parent.page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(parent.page, "parent's fidelity view in Spanish, desktop");
  expect(child.id).toMatch(/^stu_/);

  // The director's report, filtered by teacher, with its CSV.
  const director = await open({ width: 1280, height: 900 });
  await signedIn(director.page, server.url, "director@demo.fidelio.test");
  await director.page.getByRole("link", { name: "Fidelity report" }).click();
  await director.page.getByRole("table", { name: "Fidelity by school, teacher and accommodation" }).waitFor();
  await director.page.getByLabel("Teacher").selectOption({ label: "Maria Alvarez" });
  await director.page.getByRole("button", { name: "Show report" }).click();
  await director.page.waitForURL((u) => !!u.searchParams.get("teacherId"));
  const teachers = director.page.getByRole("table", { name: "Forms by teacher" });
  await expect.poll(() => teachers.locator("tbody tr").count(), { timeout: 30_000 }).toBe(1);
  await expectAccessible(director.page, "director's fidelity report, desktop");
  const csvHref = await director.page.getByRole("link", { name: "Download as CSV (spreadsheet)" }).getAttribute("href");
  expect(csvHref).toContain("format=csv");
  const csv = await director.context.request.get(`${server.url}${csvHref}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^school,teacher,/);
  await director.page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(director.page, "director's fidelity report, phone");
}, 300_000);
