import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { startWorkflowRunner } from "../support/workflow";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";
import { childOf, email, fileConcern, waiting } from "../concerns/helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

/** Staff decline with written notice on the concern page; the parent reads it and answers, in English and Spanish, on a phone. */
pinClock(ordinarySchoolDay);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: Awaited<ReturnType<typeof startTestServer>>;
let runner: Awaited<ReturnType<typeof startWorkflowRunner>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
let concernId: string;

const open = async (viewport: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  const page = await browser.context.newPage();
  // A render error on the page is a failure to see, not a silent one.
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && console.error(`console: ${message.text()}`));
  return page;
};

async function accessibleAtBothWidths(page: Page, label: string, back: { width: number; height: number }) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${label} at ${size.width}px`);
  }
  await page.setViewportSize(back);
}

const notice = {
  "What the school refuses to do": "A one-to-one aide in math class",
  Why: "Extended time and a reader already let her finish her tests.",
  "Other options considered, and why they were rejected": "A shared aide: the schedule does not allow it.",
  "Evaluations, records and reports used": "The October progress report.",
  "Other factors": "None.",
};

describe("prior written notice on the concern page", () => {
  beforeAll(async () => {
    server = await startTestServer();
    runner = await startWorkflowRunner({ timeScale: 1 });
    const sofia = await childOf("parent", "Maria Alvarez");
    const { body } = await fileConcern({ ...sofia, desiredResolution: "A one-to-one aide in math." });
    concernId = (await waiting(body.id)).id;
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await runner?.stop();
    await server?.stop();
  }, 60_000);

  test("the teacher's decline form names each missing part, then sends the notice", async () => {
    const page = await open(DESKTOP);
    await signedIn(page, server.url, email("teacher"));
    await page.goto(`${server.url}/concerns/${concernId}`);
    await page.getByText("Decline, with written notice", { exact: true }).first().click();
    const form = page.getByRole("form", { name: "Decline, with written notice" });
    await form.getByRole("button", { name: "Decline, with written notice" }).click();
    // Five parts required; the safeguards statement may stay empty (the district's is used).
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBe(5);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toContain("actionRefused");
    await accessibleAtBothWidths(page, "decline form with errors", DESKTOP);
    for (const [label, text] of Object.entries(notice)) await form.getByLabel(label, { exact: true }).fill(text);
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/concerns/${concernId}/actions`) && r.request().method() === "POST", {
      timeout: 90_000,
    });
    await form.getByRole("button", { name: "Decline, with written notice" }).click();
    const response = await answered;
    expect(response.status(), await response.text()).toBe(200);
    // The page answers with where the concern went, and the timeline shows the notice.
    await expect.poll(() => page.locator("main").textContent(), { timeout: 60_000 }).toContain("The school declined the request and gave written notice");
    await page.getByRole("status").filter({ hasText: "Waiting for the family to confirm" }).waitFor();
  }, 180_000);

  test("the parent reads the notice and is asked to accept or dispute it, in Spanish and English, at 390 px", async () => {
    const page = await open(PHONE);
    await signedIn(page, server.url, email("parent"));
    await page.goto(`${server.url}/concerns/${concernId}`);
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("heading", { name: "¿Acepta la decisión de la escuela?" }).waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Aviso previo por escrito" }).count()).toBeGreaterThanOrEqual(1);
    await page.getByText("Lo que la escuela se niega a hacer").first().waitFor();
    await page.getByText(notice["What the school refuses to do"]).first().waitFor();
    await page
      .getByText(/^Usted tiene protecciones/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Acepto la decisión" }).waitFor();
    await page.getByRole("button", { name: "Disputo la decisión" }).waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await accessibleAtBothWidths(page, "parent's notice (Spanish)", PHONE);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Do you accept the school's decision?" }).waitFor();
    await page.getByText("What the school refuses to do").first().waitFor();
    await accessibleAtBothWidths(page, "parent's notice (English)", PHONE);
    await page.getByRole("button", { name: "I accept the decision" }).click();
    await page.getByRole("status").filter({ hasText: "Closed" }).waitFor();
  }, 180_000);
});
