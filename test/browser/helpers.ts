import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { signInCodeOf } from "@fidelio/core/auth/code-email";
import { issueCode } from "@fidelio/core/auth/code";
import { hashCode, hashEmail, newCode } from "@fidelio/core/auth/secrets";
import { clock } from "@fidelio/core/clock";
import { transact } from "@fidelio/core/dynamo";
import { defaultTimeZone } from "@fidelio/core/district/schema";
import { atFileEnd } from "../support/file-end";
import { mailSince, sentByThisFile } from "../support/mail";

const axePath = createRequire(import.meta.url).resolve("axe-core");

/**
 * One Chromium per worker process, started on first use and left running for the next file the worker
 * runs (vitest.config.ts: a worker runs file after file); Playwright ends it when the process exits.
 * Each `launchBrowser` is a fresh context in it, with its own cookies, storage and clock, as separate
 * as a fresh profile and without a browser start each. When a file ends, every context it left open is
 * closed, so the next file starts with none.
 */
let chromiumProcess: Promise<Browser> | undefined;
let closingAtFileEnd = false;

/** The language the app starts in for each context: its locale's, as the app reads navigator.language. */
const pageLanguage = new WeakMap<BrowserContext, "en" | "es">();

function chromiumForThisWorker() {
  if (!chromiumProcess) {
    const launched = (chromiumProcess = chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }));
    // A browser that crashed or was closed is started again on next use.
    void launched.then(
      (browser) => browser.once("disconnected", () => chromiumProcess === launched && (chromiumProcess = undefined)),
      () => chromiumProcess === launched && (chromiumProcess = undefined),
    );
  }
  if (!closingAtFileEnd) {
    closingAtFileEnd = true;
    const browser = chromiumProcess;
    atFileEnd(async () => {
      closingAtFileEnd = false;
      const open = await browser.catch(() => undefined);
      await Promise.all((open?.contexts() ?? []).map((context) => context.close()));
    });
  }
  return chromiumProcess;
}

/**
 * Debian's Chromium, headless, no background traffic: a new context on the test's clock.
 * `device` stands for a reader elsewhere: another time zone, or a clock at another instant.
 */
export async function launchBrowser(viewport = { width: 390, height: 844 }, locale = "en-US", device: { timeZone?: string; time?: number } = {}) {
  const context = await (await chromiumForThisWorker()).newContext({
    viewport,
    locale,
    // A user in the district, whatever the machine's zone: the demo district's wall clock.
    timezoneId: device.timeZone ?? defaultTimeZone,
    // The app's CSP forbids inline scripts; axe is injected as one, by the test only.
    bypassCSP: true,
  });
  pageLanguage.set(context, locale.toLowerCase().startsWith("es") ? "es" : "en");
  // The page reads the same time as the server: the pinned business clock, when the test pinned one.
  if (device.time !== undefined || clock.pinned()) await context.clock.install({ time: device.time ?? clock.ms() });
  return {
    context,
    close: () => context.close(),
  };
}

/** Runs axe-core's WCAG 2.1 A/AA rules on the page and fails, listing each violation, if any. */
export async function expectAccessible(page: Page, label: string) {
  // Once per document: a route change in the app keeps the document, and axe with it.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    }),
  );
  const violations = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  }));
  if (violations.length > 0) console.error(`axe violations on ${label}:\n${JSON.stringify(violations, null, 2)}`);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

interface StoredEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** The mailbox serves the whole run's mail: only this test file's is asked for, and kept (see test/support/mail.ts). */
export async function mailTo(mailUrl: string, address: string): Promise<StoredEmail[]> {
  const response = await fetch(`${mailUrl}/store?since=${mailSince()}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((email) => sentByThisFile(email) && email.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())));
}

/** Waits for a new email to `address` (beyond `seen` earlier ones) and returns the 6-digit code in it. */
export async function waitForCode(mailUrl: string, address: string, seen: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const emails = await mailTo(mailUrl, address);
    // The newest sign-in email after the `seen` ones: a concern's recap may arrive after the code.
    const code = emails
      .slice(seen)
      .map((email) => signInCodeOf(email.subject))
      .findLast(Boolean);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no sign-in code emailed to ${address}`);
}

/** Signs in through the UI; `beforeVerify` can act on the code step first (e.g. try a wrong code). */
export async function signIn(page: Page, url: string, mailUrl: string, email: string, beforeVerify?: (code: string) => Promise<void>) {
  await page.goto(`${url}/sign-in`);
  await signInHere(page, mailUrl, email, beforeVerify);
}

/** Signs in on the sign-in page the browser is already on (reached through a deep link, say). */
export async function signInHere(page: Page, mailUrl: string, email: string, beforeVerify?: (code: string) => Promise<void>) {
  const seen = (await mailTo(mailUrl, email)).length;
  await page.getByLabel(/email address|correo electrónico/i).fill(email);
  await page.getByRole("button", { name: /email me a code|enviarme un código/i }).click();
  const code = await waitForCode(mailUrl, email, seen);
  await beforeVerify?.(code);
  await page.getByLabel(/6-digit code|código de 6 dígitos/i).fill(code);
  await page.getByRole("button", { name: /^(sign in|iniciar sesión)$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}

/**
 * Signs `email` in on the page's browser context without the sign-in page, then opens `path` (`null`:
 * stays where it is, for a test that asks the API first which page to open). A code is
 * issued straight to the table, as auth/start issues it but without the email; the real auth/verify
 * takes it, with the page's language, and sets the session cookie on the context. For tests of what
 * comes after signing in: the sign-in page itself is driven by `signIn` in the tests about it
 * (parent.test.ts, spanish.test.ts, email-links.test.ts, page-weight.test.ts).
 */
export async function signedIn(page: Page, url: string, email: string, path: string | null = "/") {
  const code = newCode();
  await transact([issueCode(hashEmail(email), hashCode(email, code), clock.ms())]);
  const verify = await page.context().request.post(`${url}/api/auth/verify`, {
    headers: { Origin: url },
    data: { email, code, language: pageLanguage.get(page.context()) ?? "en" },
  });
  expect(verify.status(), await verify.text()).toBe(200);
  if (path !== null) await page.goto(`${url}${path}`);
}

/** The students the signed-in user of `context` may see, straight from the API. */
export async function apiStudents(context: BrowserContext, url: string) {
  const response = await context.request.get(`${url}/api/students`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Array<{ id: string; name: string; relationship: string }> }).items;
}
