import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "@fidelio/functions/api/app";
import { Iep } from "@fidelio/core/iep";
import { Student } from "@fidelio/core/student";
import { seedDemo } from "../support/demo-table";
import { call, signIn } from "../support/api";

const demo = (who: string) => `${who}@demo.fidelio.test`;
/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;
/** IEP text that tries every way out of its cell: a lone CR, a lone LF, CRLF, a quote, a comma, a leading sign. */
const hostile = {
  accommodation: "Extra time\r=2+5",
  accommodation2: "Seat near the door\n+SUM(A1:A9)",
  accommodation3: '-3+3\r\n@cmd|" /C calc"!A0, "x"',
  service: 'Reading\r=HYPERLINK("http://evil.example")',
  serviceId: "svc\r@x",
};

let director = "";
let childId = "";

beforeAll(async () => {
  await seedDemo();
  director = await signIn(demo("director"));
  const list = await call("/api/students", { token: await signIn(demo("parent")) });
  childId = ((await list.json()) as { items: Array<{ id: string }> }).items[0]!.id;
  // Saved through the API as an editor would, in effect from the same day as the current version.
  const latest = Iep.latest((await Student.load(childId))!.ieps)!;
  const saved = await call(`/api/students/${childId}/iep`, {
    method: "PUT",
    token: director,
    body: {
      effectiveFrom: latest.effectiveFrom,
      // New ids: the district report groups items by id across students.
      accommodations: [
        { id: "acc-x1", text: hostile.accommodation },
        { id: "acc-x2", text: hostile.accommodation2 },
        { id: "acc-x3", text: hostile.accommodation3 },
        ...latest.accommodations,
      ],
      modifications: latest.modifications,
      services: [{ id: hostile.serviceId, name: hostile.service, minutesPerWeek: 60, providerRole: "Reading specialist" }, ...latest.services],
      goals: latest.goals,
      version: latest.version,
    },
  });
  expect(saved.status, await saved.clone().text()).toBe(201);
});

/** Every GET route of the API asked for `format=csv`, the student's id in the path: whatever answers text/csv is an export. */
async function everyCsvExport() {
  const gets = [...new Set(app.routes.filter((r) => r.method === "GET" && !r.path.includes("*")).map((r) => r.path))];
  const exports: Array<{ path: string; text: string }> = [];
  for (const path of gets) {
    const url = `${path.replace(/:[a-zA-Z]+/g, childId)}?format=csv`;
    const res = await call(url, { token: director });
    if (res.headers.get("content-type")?.startsWith("text/csv")) exports.push({ path, text: await res.text() });
    else await res.arrayBuffer();
  }
  return exports;
}

describe("CSV exports", () => {
  it("keep every cell whole and never start one with a formula, read by a real CSV reader", async () => {
    const exports = await everyCsvExport();
    expect(exports.map((e) => e.path).sort()).toEqual(["/api/reports/fidelity", "/api/students/:id/fidelity", "/api/students/:id/iep/review"]);
    for (const { path, text } of exports) {
      // Lone CR and lone LF end a row too, as a spreadsheet reads them, so an unquoted one shows here.
      const rows: string[][] = parse(text, { record_delimiter: ["\r\n", "\r", "\n"], relax_column_count: true });
      const width = rows[0]!.length;
      for (const row of rows) {
        expect(row, `${path}: a row split mid-record`).toHaveLength(width);
        for (const cell of row) expect(cell, `${path}: a cell that starts a formula`).not.toMatch(formulaStart);
      }
      // The hostile texts came through whole, in one cell each (a leading sign kept as text by a quote mark).
      const cells = rows.flat();
      expect(cells, path).toContain(hostile.accommodation);
      expect(cells, path).toContain(hostile.service);
      expect(cells, path).toContain(`'${hostile.accommodation3}`);
    }
  });
});
