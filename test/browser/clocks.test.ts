import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";
import { childOf, fileConcern } from "../concerns/helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Wed Dec 9 2026 in the demo district (Pacific Time).
pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

beforeAll(async () => {
  server = await startTestServer();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test("a parent on a phone reads the state complaint window in English and Spanish, and records a complaint filed", async () => {
  const sofia = await childOf("parent", "Maria Alvarez");
  const filed = await fileConcern({ ...sofia, happenedOn: "2026-11-30" });
  expect(filed.status).toBe(201);

  browser = await launchBrowser({ width: 390, height: 844 });
  const page = await browser.context.newPage();
  await signedIn(page, server.url, "parent@demo.fidelio.test");
  await page.goto(`${server.url}/concerns/${filed.body.id}`);
  const window = page.locator('[data-clock="state_complaint_window"] .clock-words');
  await window.waitFor();
  expect(await window.textContent()).toBe("You can file a state complaint about this until November 30, 2027.");
  await page.getByText("Why this date").click();
  await page.getByText("(34 CFR 300.153(c))").waitFor();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The state complaint's forms start closed under the clocks; the keyboard opens them.
  const opener = page.locator("summary", { hasText: "Prepare or record a state complaint" });
  expect(await page.getByLabel("Child's address (optional)").count()).toBe(0);
  await opener.focus();
  await page.keyboard.press("Enter");
  expect(await opener.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)).toBe(true);
  // The printable state complaint opens in a new tab, with the address typed here and the six sections in order.
  await page.getByLabel("Child's address (optional)").fill("12 Elm St, Riverbend");
  const [complaint] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("button", { name: "Open the state complaint form" }).click()]);
  await complaint.waitForLoadState();
  expect(await complaint.locator("[data-section]").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-section")))).toEqual([
    "violation",
    "facts",
    "child",
    "problem",
    "resolution",
    "complainant",
  ]);
  expect(await complaint.locator('[data-section="child"]').textContent()).toContain("12 Elm St, Riverbend");
  await complaint.close();
  await expectAccessible(page, "concern clocks, English, 390 px");

  await page.getByRole("button", { name: "Español" }).click();
  await expect.poll(() => window.textContent()).toBe("Puede presentar una queja estatal sobre esto hasta el 30 de noviembre de 2027.");
  await page.getByText("Una queja estatal debe tratar de algo que ocurrió no más de 1 año").waitFor();
  await expectAccessible(page, "concern clocks, Spanish, 390 px");

  // A day to come is refused on the page; the day it was filed is recorded and the state's clock appears.
  const day = page.getByLabel("Día en que se presentó la queja estatal");
  await day.fill("2026-12-10");
  await page.getByRole("button", { name: "Registrar la queja estatal" }).click();
  await page.getByText("Ese día todavía no ha llegado.").waitFor();
  expect(await day.getAttribute("aria-invalid")).toBe("true");
  await day.fill("2026-12-08");
  await page.getByRole("button", { name: "Registrar la queja estatal" }).click();
  const decision = page.locator('[data-clock="state_complaint_decision"] .clock-words');
  await decision.waitFor();
  expect(await decision.textContent()).toBe(
    "Se presentó una queja estatal el 8 de diciembre de 2026. El estado debe decidirla a más tardar el 6 de febrero de 2027.",
  );
  await page.getByText("Se presentó una queja estatal el 8 de diciembre de 2026", { exact: true }).waitFor();
  await expectAccessible(page, "concern clocks after recording, Spanish, 390 px");
  await page.getByRole("button", { name: "English" }).click();
}, 180_000);

test("a parent asks for the records on the child's page; the director sees the request and a closing window on the board", async () => {
  const sofia = await childOf("parent", "Maria Alvarez");
  // The lapse happened Jan 2, 2026: the window closes Jan 2, 2027, within 30 days.
  expect((await fileConcern({ ...sofia, happenedOn: "2026-01-02" })).status).toBe(201);
  const phone = await launchBrowser({ width: 390, height: 844 });
  try {
    const page = await phone.context.newPage();
    await signedIn(page, server.url, "parent@demo.fidelio.test");
    await page.goto(`${server.url}/students/${sofia.studentId}`);
    await page.getByRole("heading", { level: 2, name: "Education records" }).waitFor();
    await page.getByRole("button", { name: "Ask for the records" }).click();
    await page.getByText("Records asked for on December 9, 2026: the district must let the family see them by January 23, 2027").waitFor();
    await page.getByText("Waiting for the school to release them.").waitFor();
    await expectAccessible(page, "records request on the student's page, 390 px");
  } finally {
    await phone.close();
  }
  const desk = await launchBrowser({ width: 1280, height: 900 });
  try {
    const page = await desk.context.newPage();
    await signedIn(page, server.url, "director@demo.fidelio.test");
    await page.goto(`${server.url}/escalations`);
    const window = page.locator('#board-clocks-title + ul [data-clock="state_complaint_window"]').filter({ hasText: "Ends January 2, 2027" });
    await window.first().waitFor();
    await page.locator('#board-records-title + ul [data-clock="records_request"]').first().waitFor();
    await expectAccessible(page, "director's board with legal clocks, 1280 px");
  } finally {
    await desk.close();
  }
}, 180_000);
