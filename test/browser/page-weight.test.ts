import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Cookie, Page } from "playwright-core";
import { seedDemoConcerns } from "@fidelio/local/demo/concerns";
import { startTestServer } from "../support/server";
import { apiStudents, launchBrowser, signIn } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

/**
 * What a parent's phone downloads and how still the page holds on a first visit: each parent page in a
 * fresh browser (empty cache) at 390 px on a slow mobile network, signed in, reading Spanish. Counts the JavaScript bytes as they travel (the
 * server compresses them, brotli for Chromium: packages/local/src/static-assets.ts) and the layout
 * shift the page makes while its code, its data and its chart arrive. docs/benchmarks.md has the figures.
 */

pinClock(ordinarySchoolDay);

const PHONE = { width: 390, height: 844 };
const PARENT = "parent@demo.fidelio.test";
const CHILD = "Sofia Martinez";

/**
 * The most JavaScript each page may move on its first load, compressed as it travels, in bytes. The
 * issue's target is 25 KB (25,600 bytes) on each parent page, and all five hold it (the figures reached
 * are in docs/benchmarks.md, "Parent pages"). Each budget is the figure reached with about a kilobyte to spare, and never above the target,
 * so no page can grow unnoticed. About 14.3 KB of each is the entry (Solid's runtime most of it); the
 * rest is the page's chunks and its words in Spanish.
 */
const budget = {
  home: 22_800,
  child: 25_600,
  fidelity: 25_600,
  "concern form": 24_800,
  concern: 25_600,
};

/** Summed layout-shift scores (not only the worst burst, as CLS counts): below 0.01 on every page. */
const maxShift = 0.01;

let server: Awaited<ReturnType<typeof startTestServer>>;
let cookies: Cookie[];
let paths: Record<keyof typeof budget, string>;
const figures: Array<{ page: string; js: number; files: number; shift: number; readyMs: number }> = [];

interface Script {
  url: string;
  bytes: number;
  encoding: string;
}

interface Load {
  js: number;
  files: number;
  shift: number;
  /** What moved, when the page shifted: the element, its text and where it went. */
  moved: string[];
  /** From navigation to the page showing what `ready` waits for, on the slow network (a loaded machine adds to it). */
  readyMs: number;
  encodings: Set<string>;
  /** The words' chunks fetched in English (web/strings-by-language.ts names them `<area>.en-<hash>.js`). */
  english: string[];
  /** Each script's name and bytes, largest first (printed with PAGE_WEIGHT_FILES=1). */
  scripts: Array<{ file: string; bytes: number }>;
}

/** Opens `path` in a fresh browser, signed in, and waits until `ready` and nothing more is loading. */
async function firstLoad(path: string, ready: (page: Page) => Promise<unknown>): Promise<Load> {
  const browser = await launchBrowser(PHONE);
  try {
    await browser.context.addCookies(cookies);
    // Every shift from the first paint on: the observer reads the buffered ones too.
    await browser.context.addInitScript(() => {
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
      };
      const w = window as unknown as { shifts: number; moved: string[] };
      w.shifts = 0;
      w.moved = [];
      const name = (node?: Node) => {
        if (!node) return "?";
        const element = node instanceof Element ? node : node.parentElement;
        const text = (node.textContent ?? "").trim().slice(0, 40);
        return `${element?.tagName.toLowerCase() ?? "#text"}${element?.className ? `.${String(element.className).split(" ").join(".")}` : ""} "${text}"`;
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[]) {
          if (entry.hadRecentInput) continue;
          w.shifts += entry.value;
          for (const source of entry.sources)
            w.moved.push(
              `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${name(source.node)} from y=${Math.round(source.previousRect.y)} to y=${Math.round(source.currentRect.y)}`,
            );
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await browser.context.newPage();
    // A phone on a slow mobile network (Lighthouse's mobile profile): each request waits, so the page's
    // parts arrive one after another as they would there, and any that moves the page is seen.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) * 0.9,
      uploadThroughput: (750e3 / 8) * 0.9,
    });
    const scripts: Array<Promise<Script>> = [];
    page.on("requestfinished", (request) => {
      if (!new URL(request.url()).pathname.endsWith(".js")) return;
      scripts.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          return { url: request.url(), bytes: sizes.responseBodySize, encoding: (await response?.headerValue("content-encoding")) ?? "none" };
        })(),
      );
    });
    const started = Date.now();
    await page.goto(`${server.url}${path}`);
    await ready(page);
    const readyMs = Date.now() - started;
    await page.waitForLoadState("networkidle");
    const { shift, moved } = await page.evaluate(() => {
      const w = window as unknown as { shifts: number; moved: string[] };
      return { shift: w.shifts, moved: w.moved };
    });
    const loaded = await Promise.all(scripts);
    return {
      js: loaded.reduce((sum, s) => sum + s.bytes, 0),
      files: loaded.length,
      shift,
      moved,
      readyMs,
      encodings: new Set(loaded.filter((s) => s.bytes >= 1024).map((s) => s.encoding)),
      english: loaded.map((s) => new URL(s.url).pathname).filter((path) => /\.en-[\w-]+\.js$/.test(path)),
      scripts: loaded.map((s) => ({ file: new URL(s.url).pathname.split("/").pop() ?? "", bytes: s.bytes })).sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    await browser.close();
  }
}

describe("a parent's first visit to each page on a phone", () => {
  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoConcerns();
    const browser = await launchBrowser(PHONE);
    try {
      const page = await browser.context.newPage();
      await signIn(page, server.url, server.mailUrl, PARENT);
      // A Spanish-speaking parent: the language is the person's, stored with them, so a fresh browser
      // (an English phone) learns it from the session and downloads the Spanish words only.
      expect((await browser.context.request.put(`${server.url}/api/me`, { data: { language: "es" } })).status()).toBe(200);
      cookies = await browser.context.cookies();
      const child = (await apiStudents(browser.context, server.url)).find((s) => s.name === CHILD)!;
      const concerns = (await (await browser.context.request.get(`${server.url}/api/concerns`)).json()) as { items: Array<{ id: string; studentId: string }> };
      const concern = concerns.items.find((c) => c.studentId === child.id)!;
      expect(concern).toBeDefined();
      paths = {
        home: "/",
        child: `/students/${child.id}`,
        fidelity: `/students/${child.id}/fidelity`,
        "concern form": `/students/${child.id}/concern`,
        concern: `/concerns/${concern.id}`,
      };
    } finally {
      await browser.close();
    }
  }, 180_000);

  afterAll(async () => {
    if (figures.length) {
      console.log("parent page first load at 390 px (compressed JS bytes as transferred; summed layout shift):");
      console.table(figures);
    }
    await server?.stop();
  }, 60_000);

  const pages: Array<[keyof typeof budget, (page: Page) => Promise<unknown>]> = [
    ["home", (page) => page.getByRole("heading", { level: 3, name: CHILD }).waitFor()],
    ["child", (page) => page.getByRole("heading", { level: 2, name: "Equipo" }).waitFor()],
    // The chart draws into a box that held its place while the page's data arrived.
    ["fidelity", (page) => page.locator(".chart-box canvas").first().waitFor()],
    ["concern form", (page) => page.getByRole("heading", { level: 1, name: /^Presentar una inquietud sobre/ }).waitFor()],
    ["concern", (page) => page.getByRole("heading", { level: 2, name: "Historial" }).waitFor()],
  ];

  for (const [name, ready] of pages) {
    test(`${name}: compressed JavaScript within its budget, and no layout shift`, async () => {
      const load = await firstLoad(paths[name], ready);
      figures.push({ page: name, js: load.js, files: load.files, shift: Number(load.shift.toFixed(4)), readyMs: load.readyMs });
      if (process.env.PAGE_WEIGHT_FILES) console.log(`${name}:\n${load.scripts.map((s) => `  ${String(s.bytes).padStart(6)} ${s.file}`).join("\n")}`);
      // The server compresses every script worth it (1 KB or more): the bytes counted are what travels.
      expect([...load.encodings]).toEqual(["br"]);
      expect(load.js).toBeGreaterThan(10_000);
      // A Spanish reader downloads the Spanish words only.
      expect(load.english).toEqual([]);
      expect(load.js).toBeLessThanOrEqual(budget[name]);
      expect(load.shift, `layout shifts:\n${load.moved.join("\n")}`).toBeLessThan(maxShift);
    }, 90_000);
  }
});
