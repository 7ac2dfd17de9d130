import { afterAll, beforeAll, expect, test } from "vitest";
import { weekStart } from "@fidelio/core/fidelity/week";
import { clock } from "@fidelio/core/clock";
import { startTestServer } from "../support/server";
import { pinClock } from "../support/clock";
import { currentWeek } from "../fidelity/helpers";
import { expectAccessible, launchBrowser, signedIn } from "./helpers";

/**
 * The teacher's week page shows the district's week, not the one the device's clock or zone suggests.
 * Unless the run pins another instant: Monday 00:30 in Los Angeles (the demo district's zone), so the
 * district's new week has begun while a phone set to Honolulu still reads Sunday 22:30.
 */
pinClock("2026-12-07T08:30:00Z");

let server: Awaited<ReturnType<typeof startTestServer>>;
const browsers: Array<Awaited<ReturnType<typeof launchBrowser>>> = [];

beforeAll(async () => {
  server = await startTestServer();
}, 300_000);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.stop();
}, 60_000);

const dayMs = 86_400_000;
const longDate = (date: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

test.each([
  { device: "a phone in Honolulu, on the same instant", options: { timeZone: "Pacific/Honolulu" } },
  { device: "a tablet whose clock is eight days behind", options: { time: clock.ms() - 8 * dayMs } },
])(
  "the week page's \"this week\" is the district's week for $device",
  async ({ options }) => {
    const browser = await launchBrowser({ width: 390, height: 844 }, "en-US", options);
    browsers.push(browser);
    const page = await browser.context.newPage();
    await signedIn(page, server.url, "teacher@demo.fidelio.test");
    await page.getByRole("link", { name: "Weekly forms" }).click();
    await page.getByRole("heading", { level: 1, name: "Weekly fidelity forms" }).waitFor();
    const thisWeek = page.getByRole("columnheader", { name: /^This week/ }).first();
    await thisWeek.waitFor();
    expect(await thisWeek.textContent()).toBe(`This week Week of ${longDate(weekStart(await currentWeek()))}`);
    await expectAccessible(page, "teacher's week, device elsewhere");
    await browser.close();
    browsers.splice(browsers.indexOf(browser), 1);
  },
  180_000,
);
