import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";
import { batchPut, keys } from "@fidelio/core/dynamo";
import { District } from "@fidelio/core/district";
import { currentWeekOf } from "@fidelio/core/fidelity";
import { patternSubject, type Pattern } from "@fidelio/core/patterns";
import { demoDistrictId } from "@fidelio/local/demo/seed";

// Business time for this file (the run's FIDELIO_NOW when given): the demo history's patterns depend on it.
pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];

beforeAll(async () => {
  server = await startTestServer();
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

test.each([
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
])(
  "the director's home lists the demo district's patterns with their evidence, in English and Spanish, at $width px",
  async (viewport) => {
    const browser = await launchBrowser(viewport);
    browsers.push(browser);
    const page = await browser.context.newPage();
    await signedIn(page, server.url, "director@demo.fidelio.test");
    // The language chosen is stored with the account: a run before this one may have left Spanish.
    await page.getByRole("region", { name: /Patterns to look at|Patrones que revisar/ }).waitFor();
    const english = page.getByRole("button", { name: "English" });
    if (await english.isVisible()) await english.click();
    const section = page.getByRole("region", { name: "Patterns to look at" });
    await section.waitFor();
    const items = section.locator("li[data-kind]");
    await items.first().waitFor();
    const text = (await section.textContent()) ?? "";
    expect(text).toMatch(/Extended time[^:]*: not provided for \d students in Grade 1 \(Room 4\) in the week of/);
    expect(text).toContain("James Wright has submitted no weekly forms for 3 weeks");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, `director's patterns, ${viewport.width} px, English`);

    await page.getByRole("button", { name: "Español" }).click();
    const spanish = page.getByRole("region", { name: "Patrones que revisar" });
    await spanish.waitFor();
    expect(await spanish.textContent()).toContain("no ha enviado formularios semanales en 3 semanas");
    await expectAccessible(page, `director's patterns, ${viewport.width} px, Spanish`);

    // The class pattern's evidence: the fidelity report of its school and weeks.
    await spanish.locator('li[data-kind="support_missed_across_class"]').getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: "Informe de cumplimiento" }).waitFor();
    expect(page.url()).toContain("/reports/fidelity?schoolId=");
    // The report carries the school's help-request counts, the director's.
    const help = page.getByRole("region", { name: "Solicitudes de ayuda" });
    await help.waitFor();
    expect(await help.textContent()).toMatch(/Solicitudes de ayuda: \d+ abiertas \(\d+ vencidas\), \d+ respondidas\./);
    await expectAccessible(page, `director's fidelity report with help counts, ${viewport.width} px, Spanish`);
    await browser.close();
    browsers.splice(browsers.indexOf(browser), 1);
  },
  180_000,
);

// Last in the file: it stores more patterns than one page holds, ahead of the demo's own.
test("past the first page, “Show more patterns” adds the earlier ones until none are left, at 390 px in Spanish", async () => {
  const week = currentWeekOf((await District.load(demoDistrictId))!);
  const teachers = Array.from({ length: 20 }, (_, n) => `Docente ${String(n + 1).padStart(2, "0")}`);
  await batchPut(
    teachers.map((teacherName, n) => {
      const p: Pattern & { studentIds: string[] } = {
        kind: "forms_stopped",
        schoolId: "sch_more",
        teacherId: `usr_more_${n}`,
        teacherName,
        count: 2,
        since: week,
        evidence: [],
        week,
        studentIds: [],
      };
      return { ...keys.pattern(demoDistrictId, week, patternSubject(p)), type: "pattern", ...p };
    }),
  );
  const browser = await launchBrowser({ width: 390, height: 844 });
  browsers.push(browser);
  const page = await browser.context.newPage();
  await signedIn(page, server.url, "director@demo.fidelio.test");
  await page.getByRole("region", { name: /Patterns to look at|Patrones que revisar/ }).waitFor();
  const spanish = page.getByRole("button", { name: "Español" });
  if (await spanish.isVisible()) await spanish.click();
  const section = page.getByRole("region", { name: "Patrones que revisar" });
  const items = section.locator("li[data-kind]");
  await items.first().waitFor();
  const more = section.getByRole("button", { name: "Mostrar más patrones" });
  await more.waitFor();
  const firstPage = await items.count();
  await section.getByText(/Se encontraron más patrones que estos/).waitFor();
  await expectAccessible(page, "director's patterns with more to show, 390 px, Spanish");
  let clicks = 0;
  while (await more.isVisible()) {
    const before = await items.count();
    await more.click();
    clicks += 1;
    await expect.poll(async () => (await items.count()) > before || !(await more.isVisible())).toBe(true);
    expect(clicks).toBeLessThan(10);
  }
  expect(clicks).toBeGreaterThan(0);
  expect(await items.count()).toBeGreaterThan(firstPage);
  const text = (await section.textContent()) ?? "";
  for (const name of teachers) expect(text.split(name).length - 1, name).toBe(1);
  expect(await section.getByRole("status").textContent()).toBe("Se agregaron patrones anteriores a la lista.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page, "director's patterns after showing more, 390 px, Spanish");
}, 180_000);
