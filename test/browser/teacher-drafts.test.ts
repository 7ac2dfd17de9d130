import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";
import { isoWeekOf, weekDays } from "@fidelio/core/fidelity/week";

// The demo: teacher@ (Maria Alvarez) serves parent@'s child Sofia; casemanager@ manages her IEP.
const CHILD = "Sofia Martinez";

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
const open = async (viewport?: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  return { context: browser.context, page: await browser.context.newPage() };
};

beforeAll(async () => {
  server = await startTestServer();
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

test("a teacher's three answers, one incomplete, are all there after leaving and coming back, with the problem shown; the week counts last week's open forms", async () => {
  const teacher = await open({ width: 390, height: 844 });
  await signedIn(teacher.page, server.url, "teacher@demo.fidelio.test");
  await teacher.page.getByRole("link", { name: "Weekly forms" }).click();
  await teacher.page.getByRole("heading", { level: 1, name: "Weekly fidelity forms" }).waitFor();
  // The demo leaves last week's forms as drafts: the page says so, never "all submitted".
  await teacher.page.getByText(/^\d+ forms from earlier weeks are still open\.$/).waitFor();
  expect(await teacher.page.getByText(/Every form for this week is submitted/).count()).toBe(0);

  const row = teacher.page.getByRole("row", { name: new RegExp(CHILD) }).first();
  await row.getByRole("link", { name: new RegExp(`^Not started: ${CHILD}`) }).click();
  await teacher.page.getByRole("heading", { level: 1, name: new RegExp(`^${CHILD}: week of`) }).waitFor();
  // One fieldset per accommodation (services have no radios).
  const groups = teacher.page.locator("fieldset.answer").filter({ has: teacher.page.getByRole("radio", { name: "Provided", exact: true }) });
  await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(3);
  const names = await Promise.all([0, 1, 2].map(async (i) => (await groups.nth(i).locator(":scope > legend").textContent())!));

  await groups.nth(0).getByRole("radio", { name: "Provided", exact: true }).check();
  await groups.nth(1).getByRole("radio", { name: "Not applicable" }).check();
  await groups.nth(2).getByRole("radio", { name: "Partly" }).check();
  await teacher.page
    .getByRole("status")
    .filter({ hasText: /^Saved$/ })
    .waitFor();
  const blockers = teacher.page.getByRole("region", { name: /Your answers are saved\. Before you can submit/ });
  await blockers.getByText(`${names[1]}: add a note saying why it did not apply`).waitFor();

  // Leave, and come back.
  await teacher.page.getByRole("link", { name: "Back to my week" }).click();
  await teacher.page.getByRole("heading", { level: 1, name: "Weekly fidelity forms" }).waitFor();
  await teacher.page
    .getByRole("row", { name: new RegExp(CHILD) })
    .first()
    .getByRole("link", { name: new RegExp(`^Draft: ${CHILD}`) })
    .first()
    .click();
  await teacher.page.getByRole("heading", { level: 1, name: new RegExp(`^${CHILD}: week of`) }).waitFor();
  const again = (i: number) => teacher.page.getByRole("group", { name: names[i]!, exact: true });
  await expect.poll(() => again(0).getByRole("radio", { name: "Provided", exact: true }).isChecked()).toBe(true);
  expect(await again(1).getByRole("radio", { name: "Not applicable" }).isChecked()).toBe(true);
  expect(await again(2).getByRole("radio", { name: "Partly" }).isChecked()).toBe(true);
  // The problem is shown on the answer and in the list of what blocks submitting.
  await again(1).getByText("Saved, but needed before you can submit: say why it did not apply.").waitFor();
  expect(await again(1).getByRole("textbox").getAttribute("aria-invalid")).toBe("true");
  await blockers.getByText(`${names[1]}: add a note saying why it did not apply`).waitFor();
  await expectAccessible(teacher.page, "weekly form with an incomplete draft, phone");
  await teacher.page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(teacher.page, "weekly form with an incomplete draft, desktop");
}, 180_000);

test("an IEP amendment shows on the teacher's home, in English and Spanish, until acknowledged; the case manager sees who acknowledged", async () => {
  const manager = await open({ width: 1280, height: 900 });
  await signedIn(manager.page, server.url, "casemanager@demo.fidelio.test");
  const child = (await apiStudents(manager.context, server.url)).find((s) => s.name === CHILD)!;
  const detail = (await (await manager.context.request.get(`${server.url}/api/students/${child.id}`)).json()) as {
    iep: {
      version: number;
      accommodations: Array<{ id: string; text: string; classIds?: string[] }>;
      modifications: unknown[];
      services: unknown[];
      goals: unknown[];
    };
  };
  const now = new Date();
  const monday = weekDays(isoWeekOf(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`))[0]!;
  const { iep } = detail;
  const put = await manager.context.request.put(`${server.url}/api/students/${child.id}/iep`, {
    data: {
      effectiveFrom: monday,
      version: iep.version,
      accommodations: [
        ...iep.accommodations.map(({ id, text, classIds }) => ({ id, text, ...(classIds ? { classIds } : {}) })),
        { id: "acc-timer", text: "Visual timer during independent work" },
      ],
      modifications: iep.modifications,
      services: iep.services,
      goals: iep.goals,
    },
    headers: { origin: server.url },
  });
  expect(put.status(), await put.text()).toBe(201);
  const version = ((await put.json()) as { version: number }).version;

  const teacher = await open({ width: 390, height: 844 });
  await signedIn(teacher.page, server.url, "teacher@demo.fidelio.test");
  const notice = teacher.page.getByRole("region", { name: "IEP changes for you to read (1)" });
  await notice.getByRole("heading", { level: 3, name: CHILD }).waitFor();
  await notice.getByText("Added: Visual timer during independent work").waitFor();
  await expectAccessible(teacher.page, "teacher's home with an IEP change, phone");

  // In Spanish, the same notice.
  await teacher.page.getByRole("button", { name: "Español" }).click();
  const aviso = teacher.page.getByRole("region", { name: "Cambios de IEP que debe leer (1)" });
  await aviso.getByText("Se agregó: Visual timer during independent work").waitFor();
  await expectAccessible(teacher.page, "teacher's home with an IEP change, Spanish, phone");
  await teacher.page.getByRole("button", { name: "English" }).click();

  // Still there after a reload, until acknowledged.
  await teacher.page.reload();
  await notice.getByText("Added: Visual timer during independent work").waitFor();
  await notice.getByRole("button", { name: `I have read the changes for ${CHILD} and will provide them` }).click();
  await teacher.page
    .getByRole("status")
    .filter({ hasText: `Acknowledged the IEP changes for ${CHILD}` })
    .waitFor();
  expect(await notice.count()).toBe(0);
  await teacher.page.reload();
  await teacher.page.getByRole("heading", { level: 1 }).waitFor();
  await teacher.page.getByRole("heading", { name: "Students you serve" }).waitFor();
  expect(await teacher.page.getByRole("region", { name: /IEP changes for you to read/ }).count()).toBe(0);

  // The case manager sees who has read the version.
  await manager.page.goto(`${server.url}/students/${child.id}`);
  const who = manager.page.getByRole("region", { name: `Who has read version ${version}` });
  await who.getByText(/Maria Alvarez.*acknowledged/).waitFor();
  await expectAccessible(manager.page, "student page with who acknowledged the amendment, desktop");
}, 180_000);
