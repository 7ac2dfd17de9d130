import { beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { Student } from "@fidelio/core/student";
import { Iep } from "@fidelio/core/iep";
import { districtToday } from "@fidelio/core/clock";
import { demoSettings } from "@fidelio/local/demo/seed";
import { call } from "../support/api";
import { childOf, fileConcern, token, type Who } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Wed Dec 9 2026 in the demo district.
pinClock(ordinarySchoolDay);

let id: string;
async function packet(who: Who | string, query = "?form=state-complaint") {
  const res = await call(`/api/concerns/${id}/packet${query}`, { token: typeof who === "string" && who.includes("@") ? who : await token(who as Who) });
  return { status: res.status, csp: res.headers.get("content-security-policy") ?? "", html: await res.text() };
}
const sections = (html: string) => [...html.matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]);
const sectionOf = (html: string, name: string) => new RegExp(`<section data-section="${name}">([\\s\\S]*?)</section>`).exec(html)![1]!;
const owedIn = (html: string) =>
  [...html.matchAll(/<tr><td>([^<]+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [
    m[1],
    Number(m[4]),
  ]);

beforeAll(async () => {
  const sofia = await childOf("parent", "Maria Alvarez");
  const record = (await Student.load(sofia.studentId))!;
  const service = Iep.inEffect(record.ieps, districtToday(demoSettings))!.services[0]!;
  const filed = await fileConcern({
    ...sofia,
    itemIds: [...sofia.itemIds, service.id],
    happenedOn: "2026-11-30",
    description: "Extended time on math tests is not happening <b>at all</b>.",
    desiredResolution: "Extended time on every test, and the missed speech sessions made up.",
  });
  expect(filed.status).toBe(201);
  id = filed.body.id;
});

describe("GET /api/concerns/:id/packet?form=state-complaint", () => {
  it("prints the six sections in the order 34 CFR 300.153(b) gives them, with the IEP version, the parent's words and a signature line", async () => {
    const { status, csp, html } = await packet("parent");
    expect(status).toBe(200);
    expect(sections(html)).toEqual(["violation", "facts", "child", "problem", "resolution", "complainant"]);
    expect(sectionOf(html, "violation")).toMatch(/IEP version \d+, in effect from /);
    expect(sectionOf(html, "facts")).toContain("November 30, 2026");
    expect(sectionOf(html, "facts")).toContain("Concern raised");
    expect(sectionOf(html, "child")).toContain("Sofia Martinez");
    expect(sectionOf(html, "child")).toContain("(write the child&#39;s address here)");
    expect(sectionOf(html, "problem")).toContain("is not happening &#60;b&#62;at all&#60;/b&#62;.");
    expect(sectionOf(html, "resolution")).toContain("Extended time on every test, and the missed speech sessions made up.");
    expect(sectionOf(html, "complainant")).toContain("Rosa Martinez");
    expect(sectionOf(html, "complainant")).toContain("parent@demo.fidelio.test");
    expect(sectionOf(html, "complainant")).toContain("Signature");
    expect(html).toContain("The state must receive this complaint by November 30, 2027");
    // Its stylesheet, print rules included, is allowed by its hash; nothing inline besides.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`style-src 'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(style).toContain("@page{size:auto;margin:18mm 16mm 20mm}");
    expect(html).not.toMatch(/ style="/);
  });

  it("owes the make-up minutes the evidence packet counts (the one computation in core)", async () => {
    const evidence = (await packet("parent", "")).html;
    const owed = owedIn(evidence).filter(([, n]) => (n as number) > 0);
    const resolution = sectionOf((await packet("parent")).html, "resolution");
    if (owed.length === 0) expect(resolution).toContain("No minutes are owed for the supports named.");
    for (const [name, n] of owed) expect(resolution).toContain(`${name}: ${n} minutes owed`);
  });

  it("prints the address only when the parent gives it, escaped; refuses an overlong one", async () => {
    const { html } = await packet("parent", `?form=state-complaint&address=${encodeURIComponent("12 Elm St <apt 3>")}`);
    expect(sectionOf(html, "child")).toContain("12 Elm St &#60;apt 3&#62;");
    expect((await packet("parent", `?form=state-complaint&address=${"x".repeat(301)}`)).status).toBe(400);
    expect((await packet("parent", "?form=complaint")).status).toBe(400);
  });

  it("in Spanish for a Spanish reader", async () => {
    const { html } = await packet("parent", "?form=state-complaint&lang=es");
    expect(html).toContain('<html lang="es">');
    expect(sectionOf(html, "violation")).toContain("1. El requisito que no se cumplió");
    expect(html).toContain("El estado debe recibir esta queja a más tardar el 30 de noviembre de 2027");
  });

  it("opens for the parent, the staff it was assigned to and the director; the caseload alone, other families and advocates not handed it get 404", async () => {
    for (const who of ["parent", "teacher", "director"] as const) expect((await packet(who)).status, who).toBe(200);
    for (const who of ["casemanager", "parent2", "advocate", "teacher2"] as const) expect((await packet(who)).status, who).toBe(404);
  });
});
