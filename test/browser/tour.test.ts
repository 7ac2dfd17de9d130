import { afterAll, beforeAll, test } from "vitest";
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { startTestServer } from "../support/server";
import { launchBrowser, signIn } from "./helpers";

const axePath = createRequire(import.meta.url).resolve("axe-core");
const users = (process.env.TOUR_USERS ?? "admin,director,casemanager,teacher,teacher2,parent,parent2,advocate").split(",");
const out = "/tmp/tour";
let server: Awaited<ReturnType<typeof startTestServer>>;
const report: string[] = [];

beforeAll(async () => { server = await startTestServer(); }, 180_000);
afterAll(async () => { writeFileSync(`${out}/report.txt`, report.join("\n")); await server?.stop(); });

async function axe(page: Page, label: string) {
  await page.addScriptTag({ path: axePath });
  const r = await page.evaluate(() => (window as any).axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }));
  for (const v of r.violations) report.push(`AXE ${label}: ${v.id} ${v.help} :: ${v.nodes.map((n: any) => n.target.join(" ")).join(" | ")}`);
}

async function shot(page: Page, label: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${label}.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  if (overflow) report.push(`OVERFLOW ${label}`);
  report.push(`PAGE ${label}: title="${await page.title()}" h1="${await page.locator("h1").allTextContents()}"`);
  await axe(page, label);
}

async function tabs(page: Page, label: string, n = 12) {
  await page.evaluate(() => (document.activeElement as HTMLElement)?.blur());
  await page.mouse.click(1, 1);
  const seq: string[] = [];
  for (let i = 0; i < n; i++) {
    await page.keyboard.press("Tab");
    seq.push(await page.evaluate(() => { const e = document.activeElement as HTMLElement; const s = getComputedStyle(e); return `${e.tagName}:${(e.textContent ?? "").trim().slice(0, 30)}[${s.outlineStyle} ${s.outlineWidth}]`; }));
  }
  report.push(`TAB ${label}: ${seq.join(" > ")}`);
}

for (const user of users) {
  test(user, async () => {
    for (const [w, h] of [[390, 844], [1280, 900]] as const) {
      const browser = await launchBrowser({ width: w, height: h });
      const page = await browser.context.newPage();
      page.on("console", (m) => { if (m.type() === "error") report.push(`CONSOLE ${user}-${w}: ${m.text()}`); });
      await signIn(page, server.url, server.mailUrl, `${user}@demo.fidelio.test`);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      await shot(page, `${user}-${w}-home`);
      if (w === 1280) await tabs(page, `${user}-home`);
      await page.goto(`${server.url}/students`);
      await page.waitForLoadState("networkidle");
      await shot(page, `${user}-${w}-students`);
      const link = page.getByRole("link", { name: /IEP and team/ }).first();
      if (await link.count()) {
        await link.click();
        await page.getByRole("heading", { level: 2 }).first().waitFor();
        await page.waitForLoadState("networkidle");
        await shot(page, `${user}-${w}-student`);
        const audit = page.getByRole("link", { name: /Who viewed/ }).first();
        if (await audit.count()) {
          await audit.click();
          await page.waitForLoadState("networkidle");
          await shot(page, `${user}-${w}-audit`);
        }
      }
      if (user.startsWith("parent") && w === 390) {
        await page.goto(server.url);
        await page.getByRole("button", { name: "Español" }).click();
        await page.waitForLoadState("networkidle");
        await shot(page, `${user}-${w}-es-home`);
        await page.getByRole("link", { name: /IEP y equipo/ }).first().click();
        await page.waitForLoadState("networkidle");
        await shot(page, `${user}-${w}-es-student`);
        await page.getByRole("link", { name: /Quién consultó/ }).first().click();
        await page.waitForLoadState("networkidle");
        await shot(page, `${user}-${w}-es-audit`);
        await page.goto(`${server.url}/students`);
        await page.waitForLoadState("networkidle");
        await shot(page, `${user}-${w}-es-students`);
        await page.goto(`${server.url}/nope`);
        await shot(page, `${user}-${w}-es-404`);
        await page.getByRole("button", { name: "English" }).click();
      }
      await browser.close();
    }
  }, 120_000);
}
