import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { startWorkflowRunner } from "../support/workflow";
import { seedDemoConcerns } from "@fidelio/local/demo/concerns";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";
import { act, childOf, email, fileConcern, waiting } from "../concerns/helpers";
import { handler as emailEvents } from "@fidelio/functions/email-events/handler";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: Awaited<ReturnType<typeof startTestServer>>;
let runner: Awaited<ReturnType<typeof startWorkflowRunner>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
let parent: { context: BrowserContext; page: Page };
let child: { id: string; name: string };
let concernId: string;

const open = async (viewport: { width: number; height: number }) => {
  const browser = await launchBrowser(viewport);
  browsers.push(browser);
  return { context: browser.context, page: await browser.context.newPage() };
};
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

/** axe at a phone's width and at a desktop's, leaving the page at `back`. */
async function accessibleAtBothWidths(page: Page, label: string, back = PHONE) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${label} at ${size.width}px`);
  }
  await page.setViewportSize(back);
}

const concernsOf = async (context: BrowserContext) => {
  const response = await context.request.get(`${server.url}/api/concerns`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Array<{ id: string; status: string; outcome?: string; level: string }> }).items;
};

describe("a concern from filing to the director's board", () => {
  beforeAll(async () => {
    server = await startTestServer();
    // The demo's concerns in every state (one overdue), so each page is checked with real rows beside the test's own.
    await seedDemoConcerns();
    runner = await startWorkflowRunner({ timeScale: 1 });
    parent = await open(PHONE);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await runner?.stop();
    await server?.stop();
  }, 60_000);

  test("a parent files in Spanish on a phone: the draft survives a reload, a double tap files once", async () => {
    const { page, context } = parent;
    await signedIn(page, server.url, "parent@demo.fidelio.test");
    child = (await apiStudents(context, server.url)).filter((s) => s.relationship === "guardian")[0]!;
    await page.getByRole("button", { name: "Español" }).click();
    await page.getByRole("link", { name: `Presentar una inquietud: ${child!.name}` }).waitFor();
    await expectAccessible(page, "parent home with the concern link (Spanish)");
    await page.getByRole("link", { name: `IEP y equipo: ${child!.name}` }).click();
    await heading(page, child!.name).waitFor();
    await page.getByRole("heading", { level: 2, name: "Inquietudes" }).waitFor();
    await expectAccessible(page, "student page with its concern links (Spanish)");
    await page.getByRole("link", { name: "Presentar una inquietud" }).click();
    await heading(page, `Presentar una inquietud sobre ${child!.name}`).waitFor();
    await accessibleAtBothWidths(page, "raise a concern (Spanish)");

    // Sent empty: every problem is announced, named at its field, and focus goes to the first.
    await page.getByRole("button", { name: "Enviar la inquietud" }).click();
    await page.getByRole("alert").filter({ hasText: "Hay campos que corregir" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("checkbox");
    const description = page.getByLabel("¿Qué pasó?");
    expect(await description.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(`#${(await description.getAttribute("aria-describedby"))!.split(" ").at(-1)}`).textContent()).toBe("Obligatorio");
    await accessibleAtBothWidths(page, "raise a concern with problems (Spanish)");

    // Keyboard only: Space ticks the first support.
    await page.keyboard.press("Space");
    const classSelect = page.getByLabel("¿En qué clase? (opcional)");
    const teacherClass = await classSelect.locator("option", { hasText: "Alvarez" }).first().getAttribute("value");
    await classSelect.selectOption(teacherClass!);
    await description.fill("No le dieron tiempo adicional en el examen de matemáticas.");
    await page.getByLabel("¿Qué lo solucionaría? (opcional)").fill("Tiempo adicional en cada examen.");

    // The page closes and comes back: the draft is still there.
    await page.reload();
    await page.getByText("Guardamos lo que escribió antes").waitFor();
    expect(await page.getByLabel("¿Qué pasó?").inputValue()).toBe("No le dieron tiempo adicional en el examen de matemáticas.");
    expect(await page.getByRole("checkbox").first().isChecked()).toBe(true);
    expect(await page.getByLabel("¿En qué clase? (opcional)").inputValue()).toBe(teacherClass);

    // Two requests with the draft's one key: one concern.
    const key = await page.evaluate((id) => JSON.parse(localStorage.getItem(`fidelio.concern-draft.${id}`)!).idempotencyKey as string, child!.id);
    const posts: string[] = [];
    const bodies: string[] = [];
    page.on("request", (r) => {
      if (r.method() !== "POST" || !r.url().endsWith("/api/concerns")) return;
      posts.push(r.headers()["idempotency-key"] ?? "");
      bodies.push(r.postData() ?? "");
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const picked = (await page.locator("label[for^='support-']").first().textContent())!;
    await page.getByRole("button", { name: "Enviar la inquietud" }).dblclick();
    await page.getByRole("heading", { level: 1, name: `Inquietud sobre ${child!.name}`, exact: true }).waitFor();
    await page.getByText("Su inquietud fue enviada").waitFor();
    concernId = page.url().split("/concerns/")[1]!;
    // The short reference people can quote (the long id stays in the URL).
    await page.getByText(/^Referencia: C-\d{4}\. /).waitFor();
    // The page names the support the concern is about, as the IEP worded it.
    await page.getByText("Apoyos que no se están dando").waitFor();
    expect(await page.locator(".named-supports li").allTextContents()).toEqual([picked]);
    expect(posts.every((k) => k === key)).toBe(true);
    expect(errors).toEqual([]);
    // A replay of the same request with the same key, as a double tap on a slow network would send it, files nothing new.
    const replay = await context.request.post(`${server.url}/api/concerns`, {
      headers: { "Idempotency-Key": key, Origin: server.url, "Content-Type": "application/json" },
      data: bodies[0],
    });
    expect((await replay.json()).id).toBe(concernId);
    // The same key with another request is refused rather than answered with the first concern.
    const reused = await context.request.post(`${server.url}/api/concerns`, {
      headers: { "Idempotency-Key": key, Origin: server.url },
      data: { studentId: child!.id, itemIds: ["x"], description: "again" },
    });
    expect(reused.status()).toBe(422);
    expect((await reused.json()).error).toBe("idempotency_key_reused");
    expect((await concernsOf(context)).filter((c) => c.id === concernId)).toHaveLength(1);
    expect(await page.evaluate((id) => localStorage.getItem(`fidelio.concern-draft.${id}`), child!.id)).toBeNull();

    await page.getByText("Con el maestro · En revisión").first().waitFor();
    await page.getByText("Maria Alvarez").first().waitFor();
    await page.getByText("(hora del distrito)").waitFor();
    await page.getByRole("heading", { level: 2, name: "Historial" }).waitFor();
    await page.getByText("Inquietud presentada").waitFor();
    await accessibleAtBothWidths(page, "concern page for the parent (Spanish)");
  }, 180_000);

  test("the teacher finds it first in My concerns, sees the family's email bounces, and resolves it, saying what was done", async () => {
    // The parent's address bounced for good (SES's event as EventBridge delivers it): staff see it on the concern.
    await emailEvents({
      source: "aws.ses",
      detail: {
        eventType: "Bounce",
        bounce: { bounceType: "Permanent", timestamp: new Date().toISOString(), bouncedRecipients: [{ emailAddress: "parent@demo.fidelio.test" }] },
      },
    });
    const { page } = await open(DESKTOP);
    await signedIn(page, server.url, "teacher@demo.fidelio.test");
    await page.getByRole("heading", { level: 2, name: "My concerns" }).waitFor();
    await page.getByRole("link", { name: "Concerns", exact: true }).click();
    await heading(page, "My concerns").waitFor();
    const table = page.getByRole("table", { name: "Open concerns, the nearest deadline first" });
    await table.waitFor();
    await accessibleAtBothWidths(page, "teacher's concerns", DESKTOP);
    await table.locator(`a[href="/concerns/${concernId}"]`).click();
    await heading(page, `Concern about ${child.name}`).waitFor();
    // Only what the API allows the teacher: resolve, ask, escalate; nothing for the parent.
    await page.getByRole("button", { name: "Resolve it" }).waitFor();
    await page.getByRole("button", { name: "Ask the family a question" }).waitFor();
    await page.getByRole("button", { name: "Escalate it" }).waitFor();
    expect(await page.getByRole("button", { name: "Yes, it is fixed" }).count()).toBe(0);
    await page.locator("dd").filter({ hasText: "Rosa Martinez" }).filter({ hasText: "email undeliverable" }).waitFor();
    await accessibleAtBothWidths(page, "concern page for the teacher", DESKTOP);

    // A second tab left open on the concern: once it is resolved in the first, its escalation is refused (409) and says where the concern went.
    const stalePage = await page.context().newPage();
    await stalePage.goto(page.url());
    await stalePage.getByRole("button", { name: "Escalate it" }).waitFor();

    await page.getByRole("button", { name: "Resolve it" }).click();
    const what = page.getByLabel("What was done");
    await expect.poll(() => what.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await what.getAttribute("id"));
    await what.fill("Extended time is now written on every math test cover sheet.");
    await page.getByRole("button", { name: "Resolve it" }).click();
    await page.getByRole("status").filter({ hasText: "Waiting for the family to confirm the fix" }).waitFor();
    expect(await page.getByRole("button", { name: "Resolve it" }).count()).toBe(0);
    await accessibleAtBothWidths(page, "concern page after resolving", DESKTOP);

    await stalePage.getByLabel("Why it goes to the next level").fill("Too late: already resolved in the other tab.");
    await stalePage.getByRole("button", { name: "Escalate it" }).click();
    await stalePage
      .getByRole("alert")
      .filter({ hasText: "This can no longer be done" })
      .filter({ hasText: "Waiting for the family to confirm the fix" })
      .waitFor();
    expect(await stalePage.getByRole("button", { name: "Escalate it" }).count()).toBe(0);
    await expectAccessible(stalePage, "concern page after a refused (409) action");
    await stalePage.close();
  }, 120_000);

  test("the parent confirms the fix, in Spanish", async () => {
    const { page } = parent;
    await page.reload();
    await page.getByRole("heading", { level: 3, name: "¿Está solucionado?" }).waitFor();
    // Her own bounced address is for staff to see, not her.
    expect(await page.getByText("correo no entregable").count()).toBe(0);
    await page.getByText("Extended time is now written on every math test cover sheet.").waitFor();
    await accessibleAtBothWidths(page, "concern awaiting the parent's confirmation (Spanish)");
    await page.getByRole("button", { name: "Sí, está solucionado" }).click();
    await page.getByRole("status").filter({ hasText: "Cerrada: resuelta y confirmada por la familia" }).waitFor();
    await page.getByText("La familia confirmó la solución").waitFor();
    expect(await page.getByRole("button", { name: "Sí, está solucionado" }).count()).toBe(0);
    const mine = (await concernsOf(parent.context)).find((c) => c.id === concernId);
    expect(mine).toMatchObject({ id: concernId, status: "closed", outcome: "resolved" });
    await page.getByRole("link", { name: "Inquietudes", exact: true }).click();
    await page.getByRole("table", { name: "Inquietudes cerradas" }).waitFor();
    await accessibleAtBothWidths(page, "parent's concerns (Spanish)");
  }, 120_000);

  test("the director's board shows it closed, among those resolved in the last 30 days", async () => {
    const { page } = await open(DESKTOP);
    await signedIn(page, server.url, "director@demo.fidelio.test");
    await page.getByRole("link", { name: "Escalation board" }).first().click();
    await heading(page, "Escalation board").waitFor();
    await page.getByRole("heading", { level: 2, name: "Resolved in the last 30 days" }).waitFor();
    const board = (await (await page.context().request.get(`${server.url}/api/reports/escalations`)).json()) as {
      open: { items: Array<{ id: string }> };
      resolvedLast30Days: { count: number };
    };
    expect(board.open.items.map((i) => i.id)).not.toContain(concernId);
    expect(board.resolvedLast30Days.count).toBeGreaterThanOrEqual(1);
    await page.getByText(board.resolvedLast30Days.count === 1 ? "1 concern closed." : `${board.resolvedLast30Days.count} concerns closed.`).waitFor();
    expect(await page.locator(`a[href="/concerns/${concernId}"]`).count()).toBe(0);
    await page.getByRole("table", { name: "Open concerns by level, overdue first" }).getByText("Missed a deadline").first().waitFor();
    await accessibleAtBothWidths(page, "escalation board", DESKTOP);

    // Filters narrow the board through the API; the closed concern is on its own page, closed.
    await page.getByLabel("Level", { exact: true }).selectOption("director");
    await page.getByRole("status").filter({ hasText: "Showing" }).waitFor();
    await page.goto(`${server.url}/concerns/${concernId}`);
    await page.getByText("Closed: resolved, and the family confirmed it").first().waitFor();
    await page.getByText("Nothing for you to do on this concern right now.").waitFor();
  }, 120_000);

  test("the advocate's home lists what was handed over, each with its printable packet", async () => {
    // A concern nobody could settle, escalated by each level in turn until it is handed to advocate@.
    const sofia = await childOf("parent", "Maria Alvarez");
    const filed = await fileConcern({ ...sofia, advocateEmail: email("advocate") });
    expect(filed.status).toBe(201);
    const name = (filed.body as unknown as { studentName: string }).studentName;
    let atLevel = await waiting(filed.body.id, (c) => c.level === "teacher");
    for (const [who, next] of [
      ["teacher", "case_manager"],
      ["casemanager", "director"],
      ["director", "advocate"],
    ] as const) {
      expect((await act(who, atLevel, "escalate", "We could not settle it at this level.")).status).toBe(200);
      atLevel = await waiting(filed.body.id, (c) => c.level === next && c.assignee !== null);
    }

    const { page } = await open(PHONE);
    await signedIn(page, server.url, "advocate@demo.fidelio.test");
    await page.getByRole("heading", { level: 2, name: "Concerns handed to you" }).waitFor();
    const packet = page.locator(`a[href="/api/concerns/${filed.body.id}/packet?lang=en"]`);
    await packet.waitFor();
    expect(await packet.getAttribute("aria-label")).toBe(`Printable packet for ${(filed.body as unknown as { reference: string }).reference} (${name})`);
    await accessibleAtBothWidths(page, "advocate home");
    const response = await page.context().request.get(`${server.url}/api/concerns/${filed.body.id}/packet`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/html");

    // Linked twice: from "Waiting on you" and from the table; the table's link opens it.
    await page.getByRole("table").locator(`a[href="/concerns/${filed.body.id}"]`).click();
    await heading(page, `Concern about ${name}`).waitFor();
    await page.getByText("With the advocate · Handed to the advocate").first().waitFor();
    await page.getByRole("button", { name: "Record the outcome" }).waitFor();
    await accessibleAtBothWidths(page, "concern page for the advocate");
  }, 180_000);
});
