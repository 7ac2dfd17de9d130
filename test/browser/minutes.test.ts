import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { getItem, keys, putItem } from "@fidelio/core/dynamo";
import { formId, formItem, formItemType } from "@fidelio/core/fidelity";
import { startTestServer } from "../support/server";
import { call, signIn as apiSignIn } from "../support/api";
import { apiStudents, expectAccessible, launchBrowser, signedIn } from "./helpers";

/**
 * The parent's weeks in Spanish on a phone, at a set clock (Wednesday 9 December 2026, noon in
 * Riverbend): the week in progress is shown as in progress and owes nothing; a week nobody recorded is
 * "not recorded", not "0 given"; percentages say what they count.
 */
const CHILD = "Sofia Martinez";
const clock = new Date("2026-12-09T20:00:00Z");

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

beforeAll(async () => {
  // The server runs in this process: its clock is this one (the browser reads no dates to count weeks).
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(clock);
  server = await startTestServer();
  const manager = await apiSignIn("casemanager@demo.fidelio.test");
  const sofia = ((await (await call("/api/students", { token: manager })).json()) as { items: Array<{ id: string; name: string }> }).items.find(
    (s) => s.name === CHILD,
  )!.id;
  const detail = (await (await call(`/api/students/${sofia}`, { token: manager })).json()) as { team: Array<{ userId: string; role: string }> };
  const managerId = detail.team.find((m) => m.role === "case_manager")!.userId;
  // Week of 2 November: the case manager's form was never filled in.
  const lost = (await getItem(formItemType, keys.fidelityForm(formId(sofia, managerId, "2026-W45"))))!;
  await putItem(formItem({ ...lost, status: "not_started", version: 0, accommodations: [], services: [], submittedAt: undefined }));
  // This week so far: 40 minutes of reading.
  const list = (await (await call(`/api/fidelity/forms?week=2026-W50`, { token: manager })).json()) as {
    items: Array<{ id: string; studentId: string; version: number }>;
  };
  const current = list.items.find((f) => f.studentId === sofia)!;
  const saved = await call(`/api/fidelity/forms/${current.id}`, {
    method: "PUT",
    token: manager,
    body: { version: current.version, accommodations: [], services: [{ serviceId: "svc-reading", sessions: [{ date: "2026-12-07", minutes: 40 }] }] },
  });
  expect(saved.status).toBe(200);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  vi.useRealTimers();
}, 60_000);

test("the parent's weeks in Spanish at 390 px: the week in progress, weeks not recorded, percentages that say what they count", async () => {
  browser = await launchBrowser({ width: 390, height: 844 });
  const page = await browser.context.newPage();
  await signedIn(page, server.url, "parent@demo.fidelio.test");
  const child = (await apiStudents(browser.context, server.url)).find((s) => s.name === CHILD)!;
  await page.getByRole("button", { name: "Español" }).click();
  await page.goto(`${server.url}/students/${child.id}/fidelity`);
  await page.getByRole("heading", { level: 1, name: `${CHILD}: apoyos brindados` }).waitFor();

  const reading = page.getByRole("region", { name: "Specialized reading instruction" });
  await reading.waitFor();
  // Totals: owed over recorded weeks; the week not recorded apart; this week in progress, owing nothing.
  await reading.getByText("Minutos que se deben (semanas registradas)").waitFor();
  await reading.getByText(/^\d+ de \d+ min requeridos en las semanas registradas$/).waitFor();
  await reading.getByText(/^\d+\s%\sde los minutos requeridos \(semanas registradas\)$/).waitFor();
  await reading.getByText(/^1 \(\d+ min requeridos; no se cuentan como debidos\)$/).waitFor();
  await reading.getByText(/^40 de \d+ min registrados hasta ahora; no se debe nada hasta que termine la semana$/).waitFor();
  // The table: the week in progress named as such, the week not recorded says so instead of "0 min".
  const table = reading.getByRole("table", { name: /^Minutos por semana: / });
  expect(await table.locator("tbody tr").count()).toBe(10);
  await table.getByRole("rowheader", { name: "Semana del 7 de diciembre de 2026 (en curso)" }).waitFor();
  const lostWeek = table.getByRole("row", { name: /Semana del 2 de noviembre de 2026/ });
  await lostWeek.getByRole("cell", { name: "Sin registrar todavía" }).waitFor();
  expect(await lostWeek.getByRole("cell", { name: "0 min", exact: true }).count()).toBe(0);
  // The chart draws, with a key for hatched weeks.
  await expect.poll(() => reading.locator(".chart-box canvas").count()).toBeGreaterThan(0);
  await reading.locator(".key-not-recorded").filter({ hasText: "Sin registrar" }).waitFor();
  // Supports: percent of weekly reports, said as such.
  const supports = page.getByRole("region", { name: "Apoyos en clase" });
  await supports
    .getByText(/^Se brindó por completo en \d+ de \d+ informes semanales \(\d+\s%\sde los informes\)$/)
    .first()
    .waitFor();
  await supports
    .getByText(/^Esta semana \(en curso\): \d+ de \d+ informes hasta ahora$/)
    .first()
    .waitFor();
  // None of this page's own wording is left in English (the IEP's item texts are the school's data, as written).
  expect(await page.getByText(/owed|not recorded|in progress|weekly reports|of minutes|minutes given/i).count()).toBe(0);
  await expectAccessible(page, "parent's weeks in Spanish with the week in progress and a week not recorded, phone");
}, 180_000);
