import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signIn, signInHere } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const PARENT = "parent@demo.fidelio.test";
const OTHER_PARENT = "parent2@demo.fidelio.test";

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let otherChild: { id: string; name: string };
let child: { id: string; name: string };

const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });

describe("a parent on a phone", () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // Learn the other family's child from the API, as that family, so the test does not depend on seed names.
    await signIn(page, server.url, server.mailUrl, OTHER_PARENT);
    const theirs = (await apiStudents(browser.context, server.url)).filter((s) => s.relationship === "guardian");
    expect(theirs.length).toBeGreaterThan(0);
    otherChild = theirs[0]!;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  test("signs in with an emailed code, with clear errors on the way", async () => {
    await page.goto(server.url);
    await page.waitForURL("**/sign-in");
    await expect(heading("Sign in to Fidelio").isVisible()).resolves.toBe(true);
    await expectAccessible(page, "sign-in, email step");

    await signIn(page, server.url, server.mailUrl, PARENT, async (code) => {
      const codeInput = page.getByLabel("6-digit code");
      expect(await codeInput.getAttribute("autocomplete")).toBe("one-time-code");
      expect(await codeInput.getAttribute("inputmode")).toBe("numeric");
      await codeInput.fill("12345");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert").textContent()).resolves.toContain("Enter the 6 digits");
      expect(await codeInput.getAttribute("aria-describedby")).toContain("sign-in-error");
      await expectAccessible(page, "sign-in, code step with an error");

      await codeInput.fill(code === "000000" ? "111111" : "000000");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();
    });
    await heading(/^Hello/).waitFor();
  }, 60_000);

  test("sees their own child and not another family's", async () => {
    const mine = (await apiStudents(browser.context, server.url)).filter((s) => s.relationship === "guardian");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((s) => s.id)).not.toContain(otherChild.id);
    child = mine[0]!;

    await page.getByRole("heading", { level: 2, name: "Your child" }).waitFor();
    for (const s of mine) await page.getByRole("heading", { level: 3, name: s.name }).waitFor();
    expect(await page.getByText(otherChild.name).count()).toBe(0);
    await expectAccessible(page, "parent home");

    await page.getByRole("link", { name: `IEP and team: ${child.name}` }).click();
    await heading(child.name).waitFor();
    await page.getByRole("heading", { level: 2, name: "IEP snapshot" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Team" }).waitFor();
    await expectAccessible(page, "student page");

    await page.getByRole("link", { name: "Who viewed these records" }).click();
    await heading(`Who viewed ${child.name}'s records`).waitFor();
    await page.getByRole("table").or(page.getByText("No one has viewed")).first().waitFor();
    await expectAccessible(page, "who viewed page");
    // Their own views can be hidden; the filter is the API's, so the log stays short however long the history.
    await page.getByLabel("What they did").selectOption("opened");
    await page
      .getByRole("cell", { name: /Rosa Martinez \(you\)/ })
      .first()
      .waitFor();
    await page.getByLabel("Hide my own views").check();
    // "Showing 1 matching entry." in a fresh table (the roster import's), the plural past one.
    await page.getByText(/^Showing \d+ matching entr(y|ies)\b/).waitFor();
    await expect.poll(() => page.getByRole("cell", { name: /\(you\)/ }).count()).toBe(0);
    await expectAccessible(page, "who viewed page, filtered");

    for (const path of [`/students/${otherChild.id}`, `/students/${otherChild.id}/audit`]) {
      await page.goto(`${server.url}${path}`);
      await heading("Not found").waitFor();
      expect(await page.getByText(otherChild.name).count()).toBe(0);
    }
    await expectAccessible(page, "not found page");
  }, 60_000);

  test("switches to Spanish, and the choice sticks", async () => {
    await page.goto(server.url);
    await heading(/^Hello/).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("heading", { level: 2, name: "Su hijo o hija" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await expectAccessible(page, "parent home, Spanish");

    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Su hijo o hija" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");

    // A switch whose save never reaches the server (the page left at once) still holds on the next
    // load, and is stored then: the server's older choice does not win.
    let cut = false;
    await page.route("**/api/me", (route) => {
      if (cut || route.request().method() !== "PUT") return route.fallback();
      cut = true;
      return route.abort("connectionreset");
    });
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => cut).toBe(true);
    await page.unroute("**/api/me");
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Your child" }).waitFor();
    const stored = async () => ((await (await browser.context.request.get(`${server.url}/api/me`)).json()) as { language?: string }).language;
    await expect.poll(stored).toBe("en");
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("heading", { level: 2, name: "Su hijo o hija" }).waitFor();
    await expect.poll(stored).toBe("es");

    await page.getByRole("link", { name: `IEP y equipo: ${child.name}` }).click();
    await page.getByRole("heading", { level: 2, name: "Resumen del IEP" }).waitFor();
    await expectAccessible(page, "student page, Spanish");

    await page.getByRole("link", { name: "Quién consultó este expediente" }).click();
    await heading(`Quién consultó el expediente de ${child.name}`).waitFor();
    await expectAccessible(page, "who viewed page, Spanish");

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await heading("Iniciar sesión en Fidelio").waitFor();
    await expectAccessible(page, "sign-in, Spanish");
    await page.getByRole("button", { name: "English" }).click();
  }, 60_000);

  test("a deep link opened while signed out returns to that page after sign-in, and only to this site", async () => {
    const deep = `/students/${child.id}/audit?from=email`;
    await page.goto(`${server.url}${deep}`);
    await page.waitForURL((u) => u.pathname === "/sign-in" && u.searchParams.get("next") === deep);
    await signInHere(page, server.mailUrl, PARENT);
    await page.waitForURL((u) => `${u.pathname}${u.search}` === deep);
    await page.getByRole("heading", { level: 1, name: "Who viewed these records" }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.pathname === "/sign-in" && !u.search);

    // A crafted link cannot send the reader to another site.
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
      await signInHere(page, server.mailUrl, PARENT);
      await page.waitForURL((u) => u.origin === server.url && u.pathname === "/");
      await heading(/^Hello/).waitFor();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/sign-in");
    }
  }, 90_000);
});
