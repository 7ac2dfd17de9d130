import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer } from "../support/server";
import { apiStudents, expectAccessible, launchBrowser, signIn } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];
const open = async () => {
  const browser = await launchBrowser({ width: 1200, height: 900 });
  browsers.push(browser);
  return { browser, page: await browser.context.newPage() };
};

beforeAll(async () => {
  server = await startTestServer();
}, 180_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

// The tables take their headings and phone labels (data-label) from the language in effect: switching
// while one is shown must relabel it in place, not only on the next page. Runs first, with the parent
// still in English, and hands the parent back in English for the access-log test below.
test("a table shown while the language is switched is relabelled: headings and each cell's phone label", async () => {
  const { browser, page } = await open();
  await signIn(page, server.url, server.mailUrl, "parent@demo.fidelio.test");
  const [child] = (await apiStudents(browser.context, server.url)).filter((s) => s.relationship === "guardian");
  await page.goto(`${server.url}/students/${child!.id}/audit`);
  const table = page.locator("table.stacked");
  await table.waitFor();
  const headings = () => table.getByRole("columnheader").allTextContents();
  const labels = () => table.locator("td[data-label]").evaluateAll((cells) => [...new Set(cells.map((cell) => cell.getAttribute("data-label")))]);
  const english = ["When", "Who", "What they did", "Why they may see it"];
  const spanish = ["Cuándo", "Quién", "Qué hizo", "Por qué tiene acceso"];
  expect(await table.locator("caption").textContent()).toBe("Access to these records");
  expect(await headings()).toEqual(english);
  expect(await labels()).toEqual(english);

  await page.getByRole("button", { name: "Español" }).click();
  await expect.poll(headings).toEqual(spanish);
  await expect.poll(labels).toEqual(spanish);
  expect(await table.locator("caption").textContent()).toBe("Accesos a este expediente");

  await page.getByRole("button", { name: "English" }).click();
  await expect.poll(labels).toEqual(english);
  await expect.poll(async () => (await (await browser.context.request.get(`${server.url}/api/me`)).json()).language).toBe("en");
}, 120_000);

test("a Spanish-speaking admin's choice is stored, follows them to a new browser, and problems read in Spanish", async () => {
  const first = await open();
  await signIn(first.page, server.url, server.mailUrl, "admin@demo.fidelio.test");
  await first.page.getByRole("button", { name: "Español" }).click();
  await expect.poll(async () => (await (await first.browser.context.request.get(`${server.url}/api/me`)).json()).language).toBe("es");

  // A browser that never saw the choice (an English profile) speaks Spanish once the admin signs in.
  const { browser, page } = await open();
  await signIn(page, server.url, server.mailUrl, "admin@demo.fidelio.test");
  await page.getByRole("link", { name: "Configuración", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Configuración del distrito" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");

  const teacher = page.locator("#field-deadlines-teacher");
  await teacher.fill("61");
  await page.getByRole("button", { name: "Guardar configuración" }).click();
  await page.getByRole("alert").filter({ hasText: "Hay campos que corregir" }).waitFor();
  const error = page.locator(`#${(await teacher.getAttribute("aria-describedby"))!}`);
  expect(await error.textContent()).toBe("Un número entero del 1 al 60");
  expect(await teacher.getAttribute("aria-invalid")).toBe("true");
  expect(await page.getByText(/school days|whole number/i).count()).toBe(0);
  await expectAccessible(page, "district settings in Spanish, with a problem");

  // Nothing was saved.
  const saved = await (await browser.context.request.get(`${server.url}/api/admin/district`)).json();
  expect(saved.deadlines.teacher).not.toBe(61);
}, 120_000);

test("a parent's access log in Spanish gives each reason in Spanish", async () => {
  const { browser, page } = await open();
  await signIn(page, server.url, server.mailUrl, "parent@demo.fidelio.test");
  const [child] = (await apiStudents(browser.context, server.url)).filter((s) => s.relationship === "guardian");
  await page.getByRole("button", { name: "Español" }).click();
  await page.goto(`${server.url}/students/${child!.id}/audit`);
  await page.getByRole("heading", { level: 1, name: /Quién consultó/ }).waitFor();
  const table = page.getByRole("table", { name: "Accesos a este expediente" });
  await table.waitFor();
  const reasons = await table.locator('td[data-label="Por qué tiene acceso"]').allTextContents();
  expect(reasons.length).toBeGreaterThan(0);
  expect(reasons).toContain("Padre, madre o tutor del estudiante");
  const spanish = [
    "Padre, madre o tutor del estudiante",
    "Docente del equipo escolar del estudiante",
    "Administrador de caso del estudiante",
    "Director de educación especial del distrito",
    "Administrador del distrito",
    "Trabaja para el distrito y puede ver a todos los estudiantes",
    "Importación de listas por el administrador del distrito",
    "Datos de demostración",
  ];
  for (const reason of reasons) expect(spanish).toContain(reason);
  await expectAccessible(page, "parent access log in Spanish");
}, 120_000);
