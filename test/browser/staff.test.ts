import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signIn } from "./helpers";

// The demo roster: teacher@ serves parent@'s child, Sofia, and not parent2@'s, Ethan.
const SERVED = "Sofia Martinez";
const NOT_SERVED = "Ethan Thompson";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let notServedId: string;

const heading = (level: number, name: string | RegExp) => page.getByRole("heading", { level, name });

async function signOut() {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
}

describe("staff", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser({ width: 1280, height: 900 });
    page = await browser.context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  test("a director sees every student in the district, in one table", async () => {
    await signIn(page, server.url, server.mailUrl, "director@demo.fidelio.test");
    await heading(2, "District students").waitFor();
    await page.getByRole("table", { name: "Students by school" }).waitFor();
    await expectAccessible(page, "director home");

    const all = await apiStudents(browser.context, server.url);
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.length).toBeLessThanOrEqual(40);
    notServedId = all.find((s) => s.name === NOT_SERVED)!.id;

    await page.getByRole("link", { name: "See all students" }).click();
    await heading(1, "Students").waitFor();
    const table = page.getByRole("table", { name: `${all.length} students, by last name` });
    await table.waitFor();
    expect(await table.locator("tbody tr").count()).toBe(all.length);
    for (const name of [SERVED, NOT_SERVED]) await table.getByRole("link", { name }).waitFor();
    await expectAccessible(page, "district student list");

    await table.getByRole("link", { name: NOT_SERVED }).click();
    await heading(1, NOT_SERVED).waitFor();
    await page.getByRole("link", { name: "Who viewed these records" }).waitFor();
    await expectAccessible(page, "student page, as director");
    await signOut();
  }, 30_000);

  test("a teacher on a phone sees the students they serve, with each one's accommodations and minutes", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, server.url, server.mailUrl, "teacher@demo.fidelio.test");
    await heading(2, "Students you serve").waitFor();
    await heading(3, SERVED).waitFor();
    expect(await page.getByText(NOT_SERVED).count()).toBe(0);
    await expectAccessible(page, "teacher home");

    await page.getByRole("link", { name: "Students", exact: true }).click();
    await heading(1, "Students").waitFor();
    await heading(2, SERVED).waitFor();
    expect(await page.getByText(NOT_SERVED).count()).toBe(0);
    await expectAccessible(page, "teacher student list");

    await page.getByRole("link", { name: `IEP and team: ${SERVED}` }).click();
    await heading(1, SERVED).waitFor();
    await heading(2, "IEP snapshot").waitFor();
    await page.getByText(/^Your classes with this student: .+\.$/).waitFor();
    const accommodations = page.locator("h3:text-is('Accommodations') + ul > li");
    expect(await accommodations.count()).toBeGreaterThan(0);
    expect(await accommodations.allTextContents()).toContainEqual(expect.stringMatching(/extended time/i));
    const minutes = page.locator("h3:text-is('Services') + ul > li").getByText(/^\d+ minutes a week$/);
    expect(await minutes.count()).toBeGreaterThan(0);
    await page.getByRole("listitem").filter({ hasText: /Maria Alvarez \(you\)/ }).waitFor();
    await expectAccessible(page, "student page, as teacher");

    await page.goto(`${server.url}/students/${notServedId}`);
    await heading(1, "Not found").waitFor();
    expect(await page.getByText(NOT_SERVED).count()).toBe(0);
    await expectAccessible(page, "another teacher's student");
  }, 30_000);
});
