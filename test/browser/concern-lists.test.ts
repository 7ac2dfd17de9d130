import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { seedDemoConcerns } from "@fidelio/local/demo/concerns";
import { seedDemo } from "../support/demo-table";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";

/** Lists name each concern (reference and subject), the search finds a reference, and home says what waits on the reader. */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
const open = async (viewport: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  return browser.context.newPage();
};
interface Summary {
  id: string;
  studentId: string;
  reference: string;
  subject: string;
  status: string;
  dueAt: string | null;
  assignee: { name: string } | null;
}
const listOf = async (page: Page) => ((await (await page.context().request.get(`${server.url}/api/concerns`)).json()) as { items: Summary[] }).items;

describe("concerns people can tell apart", () => {
  beforeAll(async () => {
    server = await startTestServer();
    await seedDemo();
    await seedDemoConcerns();
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  }, 60_000);

  test("the parent's home in Spanish on a phone says what waits on her, and her list names each concern", async () => {
    const page = await open(PHONE);
    await signedIn(page, server.url, "parent@demo.fidelio.test");
    await page.getByRole("button", { name: "Español" }).click();
    const section = page.getByRole("region", { name: "Pendiente de su parte" });
    await section.waitFor();
    const mine = await listOf(page);
    const confirming = mine.find((c) => c.status === "awaiting_confirmation")!;
    await section.getByText("1 asunto espera su respuesta.").waitFor();
    const link = section.getByRole("link", { name: `${confirming.reference} ${confirming.subject}` });
    expect(await link.getAttribute("href")).toBe(`/concerns/${confirming.id}`);
    // The deadline on the district's clock, the zone named in words a Spanish reader knows (not "GMT-8").
    await section.getByText(/^La escuela dice que ya está resuelto; confirme la solución a más tardar el .*\bhora del Pacífico\b/).waitFor();
    expect(await section.getByText(/GMT[-+]\d/).count()).toBe(0);
    await expectAccessible(page, "parent home, waiting on you (Spanish, 390 px)");

    await page.getByRole("link", { name: "Inquietudes", exact: true }).click();
    const table = page.getByRole("table", { name: "Inquietudes abiertas, la de plazo más cercano primero" });
    await table.waitFor();
    for (const concern of mine.filter((c) => c.status !== "closed")) {
      expect(concern.reference).toMatch(/^C-\d{4}$/);
      await table.getByRole("link", { name: `${concern.reference} ${concern.subject}` }).waitFor();
    }
    await expectAccessible(page, "parent's concerns with subjects and references (Spanish, 390 px)");
    // A reference typed as people say it finds that concern.
    await page.getByLabel("Buscar por referencia, apoyo, clase o estudiante").fill(confirming.reference.replace("-", "").toLowerCase());
    await page.getByRole("button", { name: "Buscar", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Se encontró 1 inquietud." }).waitFor();
    expect(await page.locator('a[href^="/concerns/con_"]').count()).toBe(1);

    // Times on the access log are the district's (Pacific), the zone named, whatever the browser's zone (UTC here).
    await page.goto(`${server.url}/students/${confirming.studentId}/audit`);
    const when = page.locator("table time").first();
    await when.waitFor();
    expect(await when.textContent()).toMatch(/ hora del Pacífico$/);
  }, 120_000);

  test("the teacher's home lists the concern waiting for her answer; the director's board names each concern and finds one by reference", async () => {
    const teacher = await open(DESKTOP);
    await signedIn(teacher, server.url, "teacher@demo.fidelio.test");
    const waitingList = teacher.getByRole("region", { name: "Waiting on you" });
    await waitingList.waitFor();
    const assigned = (await listOf(teacher)).filter((c) => c.status === "open" && c.assignee?.name === "Maria Alvarez");
    expect(assigned.length).toBeGreaterThan(0);
    await waitingList.getByText(assigned.length === 1 ? "1 thing is waiting on you." : `${assigned.length} things are waiting on you.`).waitFor();
    await waitingList
      .getByText(/waits for your answer by .*Pacific Time/)
      .first()
      .waitFor();
    await expectAccessible(teacher, "teacher home, waiting on you");

    const director = await open(DESKTOP);
    await signedIn(director, server.url, "director@demo.fidelio.test");
    await director.getByRole("link", { name: "Escalation board" }).first().click();
    const table = director.getByRole("table", { name: "Open concerns by level, overdue first" });
    await table.waitFor();
    const open_ = (await listOf(director)).filter((c) => c.status !== "closed");
    for (const concern of open_) await table.getByRole("link", { name: `${concern.reference} ${concern.subject}` }).waitFor();
    await expectAccessible(director, "board with subjects and references");
    // Each table is named once: "At a glance" and "Open concerns by level" are headings, with no caption
    // repeating them for a screen reader to read twice; the tables take their names from the headings.
    const headings = await director.getByRole("heading").allTextContents();
    const captions = await director.locator("caption").allTextContents();
    expect(captions.filter((caption) => headings.includes(caption))).toEqual([]);
    await director.getByRole("table", { name: "At a glance" }).waitFor();
    const target = open_.at(-1)!;
    await director.getByLabel("Search by reference, support, class or student").fill(target.reference);
    await director.getByRole("button", { name: "Search", exact: true }).click();
    await director.getByRole("status").filter({ hasText: "Showing 1 open concern." }).waitFor();
    expect(await table.locator('a[href^="/concerns/con_"]').count()).toBe(1);
    await table.getByRole("link", { name: `${target.reference} ${target.subject}` }).waitFor();
  }, 120_000);
});
