import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signIn } from "./helpers";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1200, height: 900 });
  page = await browser.context.newPage();
  await signIn(page, server.url, server.mailUrl, "admin@demo.fidelio.test");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test("district settings save, and a stale save says someone else changed them", async () => {
  await page.getByRole("heading", { level: 2, name: "District settings" }).waitFor();
  await expectAccessible(page, "admin home");
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
  await expectAccessible(page, "admin settings, field errors");
  await page.getByRole("button", { name: /^Remove closure \d+$/ }).last().click();
  expect(await page.getByRole("alert").count()).toBe(0);
}, 60_000);

test("a roster with problems lists them by file, line and field", async () => {
  await page.getByLabel(/Roster files/).setInputFiles([{ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from("sourcedId,email\nx,notanemail\n") }]);
  await page.getByRole("button", { name: "Upload roster" }).click();
  await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).waitFor();
  const table = page.getByRole("table", { name: "Rows that need fixing" });
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  expect(await table.getByRole("cell", { name: "users.csv" }).count()).toBeGreaterThan(0);
  await expectAccessible(page, "roster errors");
}, 60_000);
