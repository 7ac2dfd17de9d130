import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { unzipSync } from "fflate";
import { startTestServer } from "../support/server";
import { expectAccessible, launchBrowser, signedIn } from "../browser/helpers";
import { keys, putItem } from "@fidelio/core/dynamo";
import { User } from "@fidelio/core/user";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { rosterCsv } from "./fixture";

/** The roster page in Spanish, as a new administrator finds it: sample files, the format guide, translated problems. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser({ width: 1200, height: 900 });
  page = await browser.context.newPage();
  await signedIn(page, server.url, "admin@demo.fidelio.test");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

test("in Spanish the page links the samples and the guide, and shows a CSV syntax problem translated, with its line and column", async () => {
  await page.getByRole("button", { name: "Español" }).click();
  await page.goto(`${server.url}/admin/roster`);
  await page.getByRole("heading", { level: 1, name: "Listas del distrito" }).waitFor();

  for (const [name, version] of [
    ["Muestra, OneRoster 1.2 (ZIP)", "1.2"],
    ["Muestra, OneRoster 1.1 (ZIP)", "1.1"],
  ] as const) {
    const href = (await page.getByRole("link", { name }).getAttribute("href"))!;
    const response = await browser.context.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(await response.body()))).sort();
    expect(names).toContain("manifest.csv");
    expect(names).toContain("fidelio_iep_items.csv");
    expect(names.includes("roles.csv")).toBe(version === "1.2");
  }

  const csvs = rosterCsv("page-es.test");
  csvs["classes.csv"] = 'sourcedId,status,title,schoolSourcedId\nc1,active,"Grade 3 Reading"x,s1\nc2,active,Grade 3 Math,s1\n';
  const files = Object.entries(csvs).map(([name, text]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }));
  await page.getByLabel(/Archivos de listas/).setInputFiles(files);
  await page.getByRole("button", { name: "Subir listas" }).click();
  const table = page.getByRole("table", { name: "Filas que hay que corregir" });
  await table.waitFor();
  const row = table.getByRole("row").filter({ hasText: "classes.csv" });
  expect(await row.getByRole("cell").allTextContents()).toEqual([
    "classes.csv",
    "2",
    "title",
    "Aquí se abren comillas que no se cierran bien (hay texto después de las comillas de cierre).",
  ]);
  // The knock-on reference errors of the lost class row are not there.
  expect(await table.getByRole("row").count()).toBe(2);
  await expectAccessible(page, "roster page in Spanish, with a problem");

  await page.getByRole("link", { name: "Lea la guía del formato de las listas" }).click();
  await page.getByRole("heading", { level: 1, name: "Guía del formato de las listas" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Roster CSV import" }).waitFor();
  expect(await page.getByRole("table").count()).toBeGreaterThan(1);
  await expectAccessible(page, "roster format guide");
}, 120_000);

test("in Spanish the page shows the plan in words, asks for the count typed, and discards the plan on request", async () => {
  await page.goto(`${server.url}/admin/roster`);
  await page.getByRole("heading", { level: 1, name: "Listas del distrito" }).waitFor();
  const csvs = rosterCsv("page-es-plan.test");
  // A teacher without an email: a warning, not a refusal.
  csvs["users.csv"] += "t3,active,s1,teacher,Nora,Sincorreo,,,\n";
  const files = Object.entries(csvs).map(([name, text]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }));
  await page.getByLabel(/Archivos de listas/).setInputFiles(files);
  await page.getByRole("button", { name: "Subir listas" }).click();

  await page.getByRole("heading", { name: "Revise el plan antes de importar" }).waitFor({ timeout: 60_000 });
  await page.getByText("Todavía no se ha escrito nada. Esto es lo que hará la importación:").waitFor();
  await page.getByText(/^Terminan \d+ funciones y \d+ vínculos con estudiantes, de \d+ personas/).waitFor();
  const warnings = page.getByRole("table", { name: /^Advertencias/ });
  const row = warnings.getByRole("row").filter({ hasText: "users.csv" });
  expect(await row.getByRole("cell").allTextContents()).toEqual([
    "users.csv",
    "11",
    "email",
    "Sin correo: Nora Sincorreo se importa, pero no podrá iniciar sesión hasta que llegue un correo.",
  ]);
  await page.getByLabel(/Para confirmar, escriba \d+/).waitFor();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `roster plan in Spanish at ${width} px`);
  }
  await page.getByRole("button", { name: "Confirmar e importar" }).click();
  await page
    .getByRole("alert")
    .filter({ hasText: /^Escriba el número de funciones que terminan, \d+, para confirmar\.$/ })
    .waitFor();
  await page.getByRole("button", { name: "Descartar este plan" }).click();
  await page.getByRole("status").filter({ hasText: "Se descartó el plan; no se importó nada." }).waitFor();
  expect(await page.getByRole("heading", { name: "Revise el plan antes de importar" }).count()).toBe(0);
}, 120_000);

test("in Spanish the page lists the people the roster gave no email as unable to sign in until an email arrives", async () => {
  // A teacher an earlier import brought in without an email (as test/roster/no-email.test.ts imports one).
  const id = "usr_01noemail00000000000000000";
  await putItem(
    User.toItems({
      id,
      name: "Nora Sincorreo",
      districtId: demoDistrictId,
      roles: ["teacher"],
      schoolIds: [],
      sourcedId: "t-noemail",
      rosterRoles: ["teacher"],
    }).user,
  );
  await putItem({ ...keys.sourceId(demoDistrictId, "user", "t-noemail"), type: "source", kind: "user", sourcedId: "t-noemail", id });
  await page.goto(`${server.url}/admin/roster`);
  const section = page.getByRole("region", { name: "No pueden iniciar sesión hasta que llegue un correo" });
  await section.waitFor();
  expect(await section.getByRole("listitem").allTextContents()).toEqual(["Nora Sincorreo — Maestro"]);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `roster page in Spanish, people without an email, at ${width} px`);
  }
}, 120_000);
