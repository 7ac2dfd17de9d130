import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/api";
import { childOf, fileConcern, token } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Wed Dec 9 2026, 10 AM Pacific.
pinClock(ordinarySchoolDay);

type RequestView = {
  id: string;
  status: string;
  version: number;
  requestedOn: string;
  endsOn: string;
  clock: { kind: string; endsOn: string; basis: { citation: string; en: string } };
};
type Who = Parameters<typeof token>[0];
const as = async (who: Who, path: string, body?: unknown) => call(path, { token: await token(who), ...(body !== undefined && { body }) });
const auditOf = async (studentId: string) =>
  ((await (await as("parent", `/api/audit?studentId=${studentId}`)).json()) as { items: Array<{ action: string; actorName: string }> }).items;

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
});

describe("a records request", () => {
  it("is the guardian's alone, has its 45-day clock on the board, is released by staff, and the parent downloads the bundle", async () => {
    const path = `/api/students/${sofia.studentId}/records-requests`;
    // Another child's parent: not theirs (404). Staff may not ask (403).
    expect((await as("parent2", path, {})).status).toBe(404);
    expect((await as("teacher", path, {})).status).toBe(403);

    const asked = await as("parent", path, {});
    expect(asked.status).toBe(201);
    const request = (await asked.json()) as RequestView;
    // Dec 9 + 22 = Dec 31, + 23 = Jan 23.
    expect(request).toMatchObject({
      status: "open",
      requestedOn: "2026-12-09",
      endsOn: "2027-01-23",
      clock: { kind: "records_request", endsOn: "2027-01-23" },
    });
    expect(request.clock.basis.citation).toBe("34 CFR 300.613(a)");
    expect(request.clock.basis.en).toContain("before any IEP meeting or due process hearing");
    // Asking again while it is open answers the same request.
    const again = await as("parent", path, {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as RequestView).id).toBe(request.id);

    // Its clock ends 45 days off: not among the clocks ending within 30 days.
    const board = async () =>
      (
        (await (await as("director", "/api/reports/escalations")).json()) as {
          clocksEndingSoon: Array<{ kind: string; endsOn: string; recordsRequestId?: string; concernId?: string }>;
        }
      ).clocksEndingSoon;
    expect((await board()).some((c) => c.recordsRequestId === request.id)).toBe(false);
    // It waits on the board with its clock until released, however far its clock ends.
    const waitingRequests = async () =>
      ((await (await as("director", "/api/reports/escalations")).json()) as { openRecordsRequests: Array<{ recordsRequestId: string; endsOn: string }> })
        .openRecordsRequests;
    expect(await waitingRequests()).toContainEqual(expect.objectContaining({ recordsRequestId: request.id, endsOn: "2027-01-23" }));

    // Not released yet: nothing to download.
    const bundlePath = `${path}/${request.id}/bundle`;
    expect((await as("parent", bundlePath)).status).toBe(409);
    // A teacher may not release; the case manager may; twice is refused.
    expect((await as("teacher", `${path}/${request.id}/release`, { version: request.version })).status).toBe(403);
    expect((await as("casemanager", `${path}/${request.id}/release`, { version: request.version + 5 })).status).toBe(409);
    const released = await as("casemanager", `${path}/${request.id}/release`, { version: request.version });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ status: "released" });
    expect((await waitingRequests()).some((r) => r.recordsRequestId === request.id)).toBe(false);
    expect((await as("director", `${path}/${request.id}/release`, { version: request.version + 1 })).status).toBe(409);

    // Staff and another parent cannot download; the guardian gets the zip.
    expect((await as("casemanager", bundlePath)).status).toBe(403);
    expect((await as("parent2", bundlePath)).status).toBe(404);
    const concern = (await fileConcern(sofia)).body;
    const zipped = await as("parent", bundlePath);
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zipped.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["README.txt", "iep-versions.json", "fidelity.csv", "access-log.csv", `concerns/${concern.id}.html`]),
    );
    expect(JSON.parse(strFromU8(files["iep-versions.json"]!)).length).toBeGreaterThan(0);
    expect(strFromU8(files["fidelity.csv"]!).split("\r\n")[0]).toContain(",");
    expect(strFromU8(files[`concerns/${concern.id}.html`]!)).toContain("<html");
    const log = strFromU8(files["access-log.csv"]!);
    expect(log).toContain("records.download");
    expect(log).toContain("records.release");
    expect(log).toContain("records.request");

    // Both events are in the family's access log.
    const actions = (await auditOf(sofia.studentId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["records.request", "records.release", "records.download"]));
  });

  it("lists the student's requests for the family and for staff who may release them, not for a teacher", async () => {
    const path = `/api/students/${sofia.studentId}/records-requests`;
    const mine = (await (await as("parent", path)).json()) as { items: RequestView[]; canRelease: boolean };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.canRelease).toBe(false);
    expect(((await (await as("director", path)).json()) as { canRelease: boolean }).canRelease).toBe(true);
    expect((await as("teacher", path)).status).toBe(404);
    expect((await as("parent2", path)).status).toBe(404);
  });
});

describe("the director's board", () => {
  it("shows the legal clocks ending within 30 days: a concern whose lapse happened 11 months ago", async () => {
    // Happened Jan 2, 2026: the window ends Jan 2, 2027, 24 days after Dec 9.
    const concern = (await fileConcern({ ...sofia, happenedOn: "2026-01-02" })).body;
    const far = (await fileConcern({ ...sofia, happenedOn: "2026-11-02" })).body;
    const res = await as("director", "/api/reports/escalations");
    expect(res.status).toBe(200);
    const clocks = ((await res.json()) as { clocksEndingSoon: Array<{ kind: string; endsOn: string; concernId?: string; studentName: string }> })
      .clocksEndingSoon;
    expect(clocks).toContainEqual(
      expect.objectContaining({ kind: "state_complaint_window", endsOn: "2027-01-02", concernId: concern.id, studentName: "Sofia Martinez" }),
    );
    expect(clocks.some((c) => c.concernId === far.id)).toBe(false);
    expect([...clocks].map((c) => c.endsOn)).toEqual([...clocks].map((c) => c.endsOn).sort());
    expect((await as("casemanager", "/api/reports/escalations")).status).toBe(404);
  });
});
