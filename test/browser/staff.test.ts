import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

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
    await signedIn(page, server.url, "director@demo.fidelio.test");
    await heading(2, "District students").waitFor();
    await page.getByRole("table", { name: "Schools of Riverbend Unified School District" }).waitFor();
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

    // A school row opens that school's list; a name search and a grade filter go through the API.
    await page.getByRole("link", { name: "Home" }).click();
    await page.getByRole("link", { name: "Students at Riverbend Middle" }).click();
    const middle = page.getByRole("table", { name: /^\d+ matching students/ });
    await middle.waitFor();
    expect(await middle.getByRole("cell", { name: "Riverbend Elementary" }).count()).toBe(0);
    expect(await middle.getByRole("cell", { name: "Riverbend Middle" }).count()).toBe(await middle.locator("tbody tr").count());
    await page.getByLabel("Name", { exact: true }).fill("thom");
    await page.getByLabel("Grade").selectOption("07");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL((u) => u.searchParams.get("q") === "thom" && u.searchParams.get("grade") === "07");
    await page
      .getByRole("table", { name: /^1 matching student(?!s)/ })
      .getByRole("link", { name: NOT_SERVED })
      .waitFor();
    await expectAccessible(page, "district student search");
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByRole("table", { name: `${all.length} students, by last name` }).waitFor();
    await page.getByRole("button", { name: /^Name/ }).click();
    await expect
      .poll(async () => (await table.locator("tbody tr th").first().textContent())?.trim())
      .toBe([...all].sort((a, b) => b.name.split(" ").at(-1)!.localeCompare(a.name.split(" ").at(-1)!))[0]!.name);
    expect(await page.getByRole("columnheader", { name: /^Name/ }).getAttribute("aria-sort")).toBe("descending");

    await table.getByRole("link", { name: NOT_SERVED }).click();
    await heading(1, NOT_SERVED).waitFor();
    await page.getByRole("link", { name: "Who viewed these records" }).waitFor();
    await expectAccessible(page, "student page, as director");
    await signOut();
  }, 60_000);

  test("a teacher on a phone sees the students they serve, with each one's accommodations and minutes", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signedIn(page, server.url, "teacher@demo.fidelio.test");
    await heading(2, "Students you serve").waitFor();
    // Grouped by class, each student with the accommodations that apply in that class.
    const grade3 = page.getByRole("region", { name: /^Grade 3 \(Room 12\): \d+ students$/ });
    await grade3.waitFor();
    const count = Number((await grade3.getByRole("heading", { level: 3 }).textContent())!.match(/(\d+) students/)![1]);
    expect(await grade3.locator(".class-students > li").count()).toBe(count);
    await grade3.getByRole("link", { name: SERVED }).waitFor();
    const sofia = grade3.getByRole("list", { name: `Accommodations for ${SERVED} in this class` });
    expect(await sofia.getByRole("listitem").allTextContents()).toContainEqual(expect.stringMatching(/extended time/i));
    expect(await page.getByText(NOT_SERVED).count()).toBe(0);
    await expectAccessible(page, "teacher home, by class");
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("region", { name: /^Grade 3 \(Room 12\): \d+ estudiantes$/ }).waitFor();
    await expectAccessible(page, "teacher home, by class, Spanish");
    await page.getByRole("button", { name: "English" }).click();

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
    await page
      .getByRole("listitem")
      .filter({ hasText: /Maria Alvarez \(you\)/ })
      .waitFor();
    await expectAccessible(page, "student page, as teacher");

    await page.goto(`${server.url}/students/${notServedId}`);
    await heading(1, "Not found").waitFor();
    expect(await page.getByText(NOT_SERVED).count()).toBe(0);
    await expectAccessible(page, "another teacher's student");

    // A page the teacher's account does not include says so plainly, in both languages.
    await page.goto(`${server.url}/admin/settings`);
    await heading(1, "This page is not available to you").waitFor();
    await page.getByText("ask your district's Fidelio administrator").waitFor();
    expect(await page.getByText(/something went wrong/i).count()).toBe(0);
    await expectAccessible(page, "403 page");
    await page.getByRole("button", { name: "Español" }).click();
    await heading(1, "Esta página no está disponible para usted").waitFor();
    await expectAccessible(page, "403 page, Spanish");
    await page.getByRole("button", { name: "English" }).click();
    await page.goto(`${server.url}/no/such/page`);
    await heading(1, "Not found").waitFor();

    // A load that fails names what failed and offers Retry (here the network drops the first try).
    await page.route("**/api/students/classes", (route) => route.abort("connectionreset"), { times: 1 });
    await page.goto(server.url);
    const failed = page.getByRole("alert").filter({ hasText: "We could not load your classes." });
    await failed.waitFor();
    expect(await failed.textContent()).toContain("Check your internet connection");
    await expectAccessible(page, "failed load with Retry");
    await failed.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("region", { name: /^Grade 3 \(Room 12\)/ }).waitFor();
    await page.goto(`${server.url}/no/such/page`);
    await heading(1, "Not found").waitFor();
    await expectAccessible(page, "404 page");
  }, 60_000);
});
