import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { call, signIn as apiSignIn } from "../support/api";
import { ordinarySchoolDay, pinClock } from "../support/clock";
import { demo } from "../fidelity/helpers";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";

pinClock(ordinarySchoolDay);

/**
 * The IEP review summary in a browser: reached from the student page, its rates worded as what they
 * count and equal to the fidelity page's for the same weeks, "did it help" beside them; English at
 * 1280 px for the case manager, Spanish at 390 px for the family; axe clean in both.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];

type Review = {
  from: string;
  to: string;
  iep: { version: number };
  accommodations: Array<{
    itemId: string;
    text: string;
    provided: number;
    answered: number;
    percentOfReports: number;
    helped: { yes: number; provided: number; unanswered: number };
  }>;
  services: Array<{ serviceId: string; name: string; delivered: number; recorded: { weeks: number; required: number } }>;
};

beforeAll(async () => {
  server = await startTestServer();
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

async function open(who: string, viewport: { width: number; height: number }, locale: string) {
  const browser = await launchBrowser(viewport, locale);
  browsers.push(browser);
  const page = await browser.context.newPage();
  await signedIn(page, server.url, demo(who), null);
  const sofia = (await apiStudents(browser.context, server.url)).find((s) => s.name === "Sofia Martinez")!;
  return { page, sofia };
}

test("the case manager opens it from the student page: each rate says what it counts, the same as the fidelity page", async () => {
  const { page, sofia } = await open("casemanager", { width: 1280, height: 900 }, "en-US");
  await page.goto(`${server.url}/students/${sofia.id}`);
  await page.getByRole("link", { name: "IEP review summary" }).click();
  await page.getByRole("heading", { level: 1, name: "IEP review summary: Sofia Martinez" }).waitFor();

  const token = await apiSignIn(demo("casemanager"));
  const review = (await (await call(`/api/students/${sofia.id}/iep/review`, { token })).json()) as Review;
  expect(review.iep.version).toBe(2);
  const page2 = (await (await call(`/api/students/${sofia.id}/fidelity?from=${review.from}&to=${review.to}`, { token })).json()) as Review;
  await page.getByText(/^IEP version 2, in effect since .+\. Weeks counted: .+ to .+\.$/).waitFor();

  const supports = page.getByRole("region", { name: "Accommodations" });
  for (const a of review.accommodations) {
    const same = page2.accommodations.find((x) => x.itemId === a.itemId)!;
    expect([a.provided, a.answered]).toEqual([same.provided, same.answered]);
    const item = supports.getByRole("listitem").filter({ hasText: a.text }).first();
    await item.getByText(`Provided in full in ${a.provided} of ${a.answered} weekly reports (${a.percentOfReports}% of reports)`).waitFor();
    await item.getByText(`Did it help? Answers on the ${a.helped.provided} reports that say provided in full:`).waitFor();
    await item
      .getByRole("listitem")
      .filter({ hasText: `Yes: ${a.helped.yes}` })
      .waitFor();
    await item
      .getByRole("listitem")
      .filter({ hasText: `Not said: ${a.helped.unanswered}` })
      .waitFor();
  }
  expect(review.accommodations.some((a) => a.helped.yes > 0)).toBe(true);
  const services = page.getByRole("region", { name: "Services" });
  for (const s of review.services.filter((x) => x.recorded.weeks > 0)) {
    await services
      .getByText(
        new RegExp(`^${s.delivered} of ${s.recorded.required} minutes given in the ${s.recorded.weeks} weeks recorded \\(\\d+% of the required minutes\\)$`),
      )
      .waitFor();
  }
  const csv = page.getByRole("link", { name: "Download this summary (CSV)" });
  expect(await csv.getAttribute("href")).toBe(`/api/students/${sofia.id}/iep/review?format=csv&version=2`);
  await expectAccessible(page, "IEP review summary, case manager, desktop");
}, 180_000);

test("the family reads it in Spanish on a phone", async () => {
  const { page, sofia } = await open("parent", { width: 390, height: 844 }, "es-ES");
  await page.goto(`${server.url}/students/${sofia.id}`);
  await page.getByRole("link", { name: "Resumen para la revisión del IEP" }).click();
  await page.getByRole("heading", { level: 1, name: "Resumen para la revisión del IEP: Sofia Martinez" }).waitFor();
  const supports = page.getByRole("region", { name: "Adaptaciones" });
  await supports
    .getByText(/^Se brindó por completo en \d+ de \d+ informes semanales \(\d+\s%\sde los informes\)$/)
    .first()
    .waitFor();
  await supports
    .getByText(/^¿Le ayudó\? Respuestas en los \d+ informes que dicen que se brindó por completo:$/)
    .first()
    .waitFor();
  expect(await page.getByText(/weekly reports|Did it help|Not said|weeks recorded/).count()).toBe(0);
  await expectAccessible(page, "IEP review summary, family, Spanish, phone");
}, 180_000);
