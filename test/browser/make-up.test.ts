import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { startWorkflowRunner } from "../support/workflow";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";
import { childOf, email, fileConcern, waiting } from "../concerns/helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

/**
 * Make-up minutes and conversations in a real browser: the parent reads the demo's make-up plan in
 * Spanish on a phone; the case manager plans make-up minutes and is told what is wrong; the parent
 * puts a conversation on a concern's record from the keyboard; the director's board lists plans past
 * due; the administrator's rights fields say what a state period lacks. Axe at 390 and 1280 px.
 */
pinClock(ordinarySchoolDay);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: Awaited<ReturnType<typeof startTestServer>>;
let runner: Awaited<ReturnType<typeof startWorkflowRunner>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
let sofia = "";
let concernId = "";

const open = async (viewport: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  const page = await browser.context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  return page;
};

async function accessibleAtBothWidths(page: Page, label: string) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${label} at ${size.width}px`);
  }
}

describe("make-up minutes and conversations on screen", () => {
  beforeAll(async () => {
    server = await startTestServer();
    runner = await startWorkflowRunner({ timeScale: 1 });
    const child = await childOf("parent", "Maria Alvarez");
    sofia = child.studentId;
    const { body } = await fileConcern(child);
    concernId = (await waiting(body.id)).id;
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await runner?.stop();
    await server?.stop();
  }, 60_000);

  test("the parent sees the make-up plan, given and remaining, in Spanish on a phone", async () => {
    const page = await open(PHONE);
    await signedIn(page, server.url, email("parent"), `/students/${sofia}`);
    await page.getByRole("button", { name: "Español" }).click();
    const section = page.getByRole("region", { name: "Minutos de recuperación" });
    await expect.poll(() => section.textContent()).toContain("30 brindados, 30 pendientes");
    expect(await section.textContent()).toContain("60 minutos de recuperación");
    // No planning form for the family.
    expect(await section.getByRole("button").count()).toBe(0);
    await accessibleAtBothWidths(page, "child page make-up plans (es)");
  }, 120_000);

  test("the case manager plans make-up minutes and is told which field is wrong", async () => {
    const page = await open(DESKTOP);
    await signedIn(page, server.url, email("casemanager"), `/students/${sofia}`);
    const form = page.getByRole("form", { name: "Plan make-up minutes" });
    await form.getByLabel("Minutes to make up").fill("100000");
    await form.getByLabel("How they will be made up").fill("Two sessions after school");
    await form.getByLabel("Due by").fill("2026-12-08");
    await form.getByRole("button", { name: "Save the plan" }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await accessibleAtBothWidths(page, "make-up plan form with errors");
    await form.getByLabel("Minutes to make up").fill("5");
    await form.getByLabel("Due by").fill("2026-12-18");
    await form.getByRole("button", { name: "Save the plan" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toContain("Plan saved.");
    await expect.poll(() => page.getByRole("region", { name: "Make-up minutes" }).textContent()).toContain("5 make-up minutes by");
  }, 120_000);

  test("the parent puts a conversation on the record from the keyboard", async () => {
    const page = await open(PHONE);
    await signedIn(page, server.url, email("parent"), `/concerns/${concernId}`);
    // The first test left this parent reading Spanish.
    await page.getByRole("button", { name: "English" }).click();
    // The form opens from its summary, by keyboard.
    await page.locator("summary", { hasText: "Put a conversation on the record" }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Put a conversation on the record" });
    await form.getByRole("button", { name: "Put it on the record" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toContain("conversation-text");
    await accessibleAtBothWidths(page, "conversation form with an error");
    await page.keyboard.type("We agreed the reader starts Monday.");
    await form.getByLabel("Meeting").check();
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/concerns/${concernId}/actions`) && r.request().method() === "POST", {
      timeout: 90_000,
    });
    await form.getByRole("button", { name: "Put it on the record" }).press("Enter");
    const response = await answered;
    expect(response.status(), await response.text()).toBe(200);
    await expect.poll(() => page.locator("main").textContent(), { timeout: 30_000 }).toContain("We agreed the reader starts Monday.");
  }, 120_000);

  test("the director's board lists make-up plans past due", async () => {
    const page = await open(DESKTOP);
    await signedIn(page, server.url, email("director"), `/escalations`);
    await expect.poll(() => page.getByRole("region", { name: "Make-up plans past due" }).textContent()).toContain("No make-up plan is past due.");
    await accessibleAtBothWidths(page, "board with make-up plans");
  }, 120_000);

  test("the administrator's rights fields name what a state period lacks", async () => {
    const page = await open(DESKTOP);
    await signedIn(page, server.url, email("admin"), `/admin/settings`);
    const row = page.getByRole("group", { name: "Time to answer a records request" });
    await row.getByLabel("State rule (citation)").fill("Cal. Educ. Code 56504");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => row.locator('[aria-invalid="true"]').count()).toBe(1);
    await accessibleAtBothWidths(page, "settings with a rights error");
    await row.getByLabel("Length").fill("5");
    await page.getByLabel("Procedural safeguards statement for prior written notices").fill("Call the Riverbend parent center at 555-0100.");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).not.toBe("");
    const district = (await (await page.context().request.get(`${server.url}/api/admin/district`)).json()) as {
      rightsClocks?: Record<string, { amount: number }>;
      noticeSafeguards?: string;
    };
    expect(district.rightsClocks?.records_request?.amount).toBe(5);
    expect(district.noticeSafeguards).toContain("555-0100");
  }, 120_000);
});
