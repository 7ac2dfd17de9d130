import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { startWorkflowRunner } from "../support/workflow";
import { childOf, email, fileConcern, waiting } from "../concerns/helpers";
import { expectAccessible, launchBrowser, mailTo, signInHere } from "./helpers";
import { zonedInstant } from "@fidelio/core/calendar";
import { remindDistrict, weekDays } from "@fidelio/core/fidelity";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { currentWeek } from "../fidelity/helpers";

let server: Awaited<ReturnType<typeof startTestServer>>;
let runner: Awaited<ReturnType<typeof startWorkflowRunner>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
let concernId: string;
let studentId: string;

async function fresh(viewport = { width: 390, height: 844 }, locale?: string) {
  const browser = await launchBrowser(viewport, locale);
  browsers.push(browser);
  return browser.context.newPage();
}

/** The link on the line of an email that starts with `label`, once the email about the concern has arrived. */
async function linkFrom(address: string, label: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const mail = (await mailTo(server.mailUrl, address)).find((m) => m.body.text?.includes(concernId));
    const link = mail?.body.text
      ?.split("\n")
      .find((line) => line.startsWith(label))
      ?.slice(label.length)
      .trim();
    if (link) return link;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No email to ${address} with "${label}"`);
}

const landsOnTheConcern = async (page: Page) => {
  await page.waitForURL((u) => u.pathname === `/concerns/${concernId}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
};

describe("a link taken from an email", () => {
  beforeAll(async () => {
    server = await startTestServer();
    runner = await startWorkflowRunner({ timeScale: 1 });
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await runner?.stop();
    await server?.stop();
  }, 60_000);

  test("a parent signs in from the Spanish page without touching the switch: her language is stored, and her concern's email comes in Spanish", async () => {
    // A phone set to Spanish: the app opens in Spanish, and nobody presses the language switch.
    const page = await fresh(undefined, "es-US");
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("heading", { level: 1, name: "Iniciar sesión en Fidelio" }).waitFor();
    await signInHere(page, server.mailUrl, email("parent"));
    const me = await page.context().request.get(`${server.url}/api/me`);
    expect(((await me.json()) as { language: string }).language).toBe("es");
    const sofia = await childOf("parent", "Maria Alvarez");
    studentId = sofia.studentId;
    concernId = (await fileConcern(sofia)).body.id;
    await waiting(concernId);
    // This week's reminders (Friday afternoon on the district's clock): the audit trail records `fidelity.reminder`.
    const week = await currentWeek();
    await remindDistrict(demoDistrictId, zonedInstant(weekDays(week)[4]!, "16:00:00", "America/Los_Angeles"));
  }, 120_000);

  test("is absolute, and lands on its page after sign-in (staff, English)", async () => {
    const link = await linkFrom(email("teacher"), "Open the concern:");
    expect(link).toBe(`${server.url}/concerns/${concernId}`);
    const page = await fresh({ width: 1280, height: 900 });
    await page.goto(link);
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("next") === `/concerns/${concernId}`);
    await signInHere(page, server.mailUrl, email("teacher"));
    await landsOnTheConcern(page);
    await page.getByRole("heading", { level: 2, name: "What you can do" }).waitFor();
  }, 120_000);

  test("is absolute, and lands on its page after sign-in in the parent's language (Spanish, phone)", async () => {
    const link = await linkFrom(email("parent"), "Abrir la inquietud:");
    expect(link).toBe(`${server.url}/concerns/${concernId}`);
    const page = await fresh();
    await page.goto(link);
    await page.waitForURL((u) => u.pathname === "/sign-in");
    await signInHere(page, server.mailUrl, email("parent"));
    await landsOnTheConcern(page);
    // Her stored language is adopted on this new device: the timeline speaks Spanish, from the catalog.
    await page.getByText("Inquietud presentada").waitFor();
    await page.getByText(/^Asignada a Maria Alvarez \(Maestro\), respuesta antes del/).waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/\b(levelName|event|note)\.\w+/);
    await expectAccessible(page, "the concern from the email link (Spanish, 390px)");
    // Her child's access log words every action and reason, Fidelio's reminders included: no raw code.
    await page.goto(`${server.url}/students/${studentId}/audit`);
    await page.getByText("Recordó al personal un formulario semanal de cumplimiento pendiente").first().waitFor();
    await page.getByText("Presentó una inquietud").first().waitFor();
    expect(await page.locator("main").textContent()).not.toMatch(/\b(fidelity|concern|student|audit)\.[a-z-]+|\b[a-z]+_[a-z_]+\b/);
    await expectAccessible(page, "the access log (Spanish, 390px)");
  }, 120_000);

  test("the evidence packet's own styles apply: the page-wide policy does not replace its CSP", async () => {
    const page = await fresh({ width: 1280, height: 900 });
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to apply/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${server.url}/concerns/${concernId}`);
    await signInHere(page, server.mailUrl, email("parent"));
    await landsOnTheConcern(page);
    const response = await page.goto(`${server.url}/api/concerns/${concernId}/packet?lang=es`);
    expect(response!.headers()["content-security-policy"]).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    await page.getByRole("heading", { level: 1, name: /Expediente de pruebas/ }).waitFor();
    // The stylesheet applied: the table collapses its borders and the body keeps its measure.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("table")!).borderCollapse)).toBe("collapse");
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("960px");
    expect(refused).toEqual([]);
    await expectAccessible(page, "the evidence packet (Spanish)");
  }, 120_000);
});
