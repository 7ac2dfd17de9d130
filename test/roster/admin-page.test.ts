import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { generateRoster } from "@fidelio/local/bench/roster-generator";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signedIn } from "../browser/helpers";

/** The upload page follows the job with a progress bar, then shows the summary. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1200, height: 900 });
  page = await browser.context.newPage();
  await signedIn(page, server.url, "admin@demo.fidelio.test");
  await page.goto(`${server.url}/admin/roster`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test("a large upload shows an accessible progress bar while its job runs, then the summary and the roles that ended", async () => {
  const files = Object.entries(generateRoster(150, "page.test")).map(([name, text]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }));
  await page.getByLabel(/Roster files/).setInputFiles(files);
  await page.getByRole("button", { name: "Upload roster" }).click();

  // First the plan, in words: the demo's own people are not in this roster, so the roles it gave them
  // would end; that is more than a tenth of the district's roles, so the count must be typed.
  await page.getByRole("heading", { name: "Check the plan before importing" }).waitFor({ timeout: 120_000 });
  await page.getByText(/^\d+ roles and \d+ links to students end, for \d+ people/).waitFor();
  expect(
    await page
      .getByRole("listitem")
      .filter({ hasText: /^Linda Okafor — roles ending: .*director/i })
      .count(),
  ).toBe(1);
  const count = page.getByLabel(/To confirm, type \d+/);
  const label = (await page.locator('label[for="roster-count"]').textContent())!;
  const ending = label.match(/type (\d+)/)![1]!;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `roster plan at ${width} px`);
  }
  await count.fill("1");
  await page.getByRole("button", { name: "Confirm and import" }).click();
  await page
    .getByRole("alert")
    .filter({ hasText: `Type the number of roles that end, ${ending}, to confirm.` })
    .waitFor();
  await count.fill(ending);
  await page.getByRole("button", { name: "Confirm and import" }).click();

  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await bar.waitFor({ timeout: 30_000 });
  expect(Number(await bar.evaluate((el: HTMLProgressElement) => el.max))).toBeGreaterThan(150);
  await page
    .getByRole("status")
    .filter({ hasText: /Importing: \d+ of \d+ records written/ })
    .waitFor();
  await expectAccessible(page, "roster import in progress");

  await page.getByRole("status").filter({ hasText: "Import done" }).waitFor({ timeout: 280_000 });
  expect(await bar.count()).toBe(0);
  // The demo's own people are not in this roster: the roles it gave them end, and the page says so.
  await page.getByText(/^Roles ended \(\d+\)/).waitFor();
  expect(
    await page
      .getByRole("listitem")
      .filter({ hasText: /^Linda Okafor: .*director/i })
      .count(),
  ).toBe(1);
  await expectAccessible(page, "roster import done");
}, 330_000);
