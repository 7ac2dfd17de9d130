import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1200, height: 900 });
  page = await browser.context.newPage();
  await signedIn(page, server.url, "admin@demo.fidelio.test");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test("district settings save, and a stale save says someone else changed them", async () => {
  await page.getByRole("heading", { level: 2, name: "District setup" }).waitFor();
  await expectAccessible(page, "admin home");
  // The escalation board is the director's: the administrator's home and navigation do not offer it.
  await page.getByRole("heading", { level: 2, name: "District students" }).waitFor();
  expect(await page.getByRole("link", { name: "Escalation board" }).count()).toBe(0);
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "District settings" }).waitFor();
  await expectAccessible(page, "district settings page");
  await page.getByLabel("Teacher", { exact: true }).fill("4");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();

  // Someone else saves in between, through the API.
  const { id: _id, name: _name, updatedAt: _at, ...current } = await (await browser.context.request.get(`${server.url}/api/admin/district`)).json();
  expect(current.deadlines.teacher).toBe(4);
  const other = await browser.context.request.put(`${server.url}/api/admin/district`, { data: { ...current, fidelityGraceDays: 3 } });
  expect(other.status()).toBe(200);

  await page.getByLabel("Teacher", { exact: true }).fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("alert").filter({ hasText: "Someone else changed these settings" }).waitFor();
  await expectAccessible(page, "admin settings, stale");
  await page.getByRole("button", { name: "Reload" }).click();
  await expect.poll(() => page.getByLabel(/Grace days/).inputValue()).toBe("3");
}, 60_000);

test("field errors are tied to their inputs", async () => {
  await page.getByRole("button", { name: "Add a closure" }).click();
  const name = page.getByLabel("Name", { exact: true }).last();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe(await name.getAttribute("id"));
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("alert").filter({ hasText: "Some fields need fixing" }).waitFor();
  const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
  expect(await page.locator(`#${describedBy}`).textContent()).toMatch(/\S/);
  expect(await name.getAttribute("aria-invalid")).toBe("true");
  // A date input shows the reader's own format, so its message asks for a whole date, not "YYYY-MM-DD".
  const from = page.getByLabel("From", { exact: true }).last();
  const fromError = page.locator(`#${(await from.getAttribute("aria-describedby"))!}`);
  expect(await fromError.textContent()).toBe("Enter the whole date: month, day and year, or pick it from the calendar.");
  expect(await page.getByText("YYYY-MM-DD").count()).toBe(0);
  // A long closure name wraps onto more lines instead of hiding its end.
  await page.setViewportSize({ width: 390, height: 844 });
  await name.fill("Professional development day for all staff (no students, buses do not run)");
  const box = await name.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.getBoundingClientRect().height }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  expect(box.height).toBeGreaterThan(60);
  await page.setViewportSize({ width: 1200, height: 900 });
  await expectAccessible(page, "admin settings, field errors");
  await page
    .getByRole("button", { name: /^Remove closure \d+$/ })
    .last()
    .click();
  expect(await page.getByRole("alert").count()).toBe(0);
}, 60_000);

test("the help-request due days: the default shown, a value out of range named beside the field and not saved", async () => {
  await page.reload();
  const field = page.getByLabel("School days a case manager has to answer a help request");
  await expect.poll(() => field.inputValue()).toBe("3");
  const before = await (await browser.context.request.get(`${server.url}/api/admin/district`)).json();
  await field.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("alert").filter({ hasText: "Some fields need fixing" }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-helpRequestDueSchoolDays");
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  const describedBy = ((await field.getAttribute("aria-describedby")) ?? "").split(" ");
  expect(describedBy).toContain("field-helpRequestDueSchoolDays-error");
  expect(await page.locator("#field-helpRequestDueSchoolDays-error").textContent()).toBe("A whole number from 1 to 60");
  await expectAccessible(page, "admin settings, help-request days out of range");
  const after = await (await browser.context.request.get(`${server.url}/api/admin/district`)).json();
  expect(after.version).toBe(before.version);

  await field.fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
  const saved = await (await browser.context.request.get(`${server.url}/api/admin/district`)).json();
  expect(saved.helpRequestDueSchoolDays).toBe(5);
}, 60_000);

test("a roster with problems lists them by file, line and field", async () => {
  await page.getByRole("link", { name: "Roster", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "District roster" }).waitFor();
  await page.getByLabel(/Roster files/).setInputFiles([{ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from("sourcedId,email\nx,notanemail\n") }]);
  await page.getByRole("button", { name: "Upload roster" }).click();
  await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).waitFor();
  const table = page.getByRole("table", { name: "Rows that need fixing" });
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  expect(await table.getByRole("cell", { name: "users.csv" }).count()).toBeGreaterThan(0);
  await expectAccessible(page, "roster errors");
}, 60_000);

test("the roster format guide shows docs/roster-csv.md's headings one level under the page's", async () => {
  await page.goto(`${server.url}/admin/roster/guide`);
  await page.getByRole("heading", { level: 1, name: "Roster format guide" }).waitFor();
  // The guide's own title (#) becomes an h2, its ## sections h3, its ### sections h4.
  await page.getByRole("heading", { level: 2, name: "Roster CSV import" }).waitFor();
  await page.getByRole("heading", { level: 3, name: "OneRoster 1.1 and 1.2" }).waitFor();
  await page.getByRole("heading", { level: 4, name: "Roles the roster ends" }).waitFor();
  await expectAccessible(page, "roster format guide");
}, 60_000);
