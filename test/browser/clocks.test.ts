import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signIn } from "./helpers";
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
  await signIn(page, server.url, server.mailUrl, "parent@demo.fidelio.test");
  await page.goto(`${server.url}/concerns/${filed.body.id}`);
  const window = page.locator('[data-clock="state_complaint_window"] .clock-words');
  await window.waitFor();
  expect(await window.textContent()).toBe("You can file a state complaint about this until November 30, 2027.");
  await page.getByText("Why this date").click();
  await page.getByText("(34 CFR 300.153(c))").waitFor();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
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
