import { keys } from "../keys";
import type { Item, TransactOp, TransactPut } from "../client";

/** What storage needs of a help request to index it (help/schema.ts has the whole shape). */
interface Indexed {
  id: string;
  districtId: string;
  schoolId: string;
  studentId: string;
  itemId: string;
  teacherId: string;
  caseManagerId: string;
  createdAt: string;
  dueOn: string;
  version: number;
}

/**
 * A help request's writes. Opening one puts, in one transaction: the one-open-per-student-and-support
 * claim (refused while another is open: a burst of submissions opens one request), the request, the
 * case manager's and the teacher's list links, the district's due-day entry and the school's count.
 * Resolving takes the claim and the due entry away in the transaction that saves the answer.
 */
export namespace HelpRequestItems {
  const stats = (r: Pick<Indexed, "districtId" | "schoolId">, open: number, resolved: number): TransactOp => ({
    update: keys.helpStats(r.districtId, r.schoolId),
    expression: "ADD #open :open, #resolved :resolved SET #school = :school",
    names: { "#open": "open", "#resolved": "resolved", "#school": "schoolId" },
    values: { ":open": open, ":resolved": resolved, ":school": r.schoolId },
  });

  export const open = (request: Indexed & Item): TransactOp[] => [...indexed(request), stats(request, 1, 0)];

  /**
   * Several requests opened in one transaction (a submitted form's): each request's items, and each
   * school's count moved once by how many open there (a transaction touches an item once).
   */
  export function openAll(requests: Array<Indexed & Item>): TransactOp[] {
    const bySchool = new Map<string, Array<Indexed & Item>>();
    for (const r of requests) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
    return [...requests.flatMap(indexed), ...[...bySchool.values()].map((list) => stats(list[0]!, list.length, 0))];
  }

  function indexed(request: Indexed & Item): TransactOp[] {
    const link = { type: "help-link", requestId: request.id, studentId: request.studentId };
    return [
      { put: { ...keys.helpOpen(request.studentId, request.itemId), type: "help-open", requestId: request.id }, condition: "attribute_not_exists(pk)" },
      { put: { ...keys.helpRequest(request.id), type: "help-request", ...request }, condition: "attribute_not_exists(pk)" },
      { put: { ...keys.helpForCaseManager(request.caseManagerId, request.createdAt, request.id), ...link } },
      { put: { ...keys.helpOfTeacher(request.teacherId, request.createdAt, request.id), ...link } },
      {
        put: {
          ...keys.helpDue(request.districtId, request.dueOn, request.id),
          type: "help-due",
          requestId: request.id,
          studentId: request.studentId,
          schoolId: request.schoolId,
          dueOn: request.dueOn,
        },
      },
    ];
  }

  /** A comment or an answer: refused unless the stored request is still at `expectedVersion`. */
  export const save = (request: Indexed & Item, expectedVersion: number): TransactPut => ({
    put: { ...keys.helpRequest(request.id), type: "help-request", ...request },
    condition: "attribute_exists(pk) AND #v = :v",
    names: { "#v": "version" },
    values: { ":v": expectedVersion },
  });

  /** Resolving: the answer saved at the version read, the claim (only this request's) and the due entry gone, the counts moved. */
  export function resolve(request: Indexed & Item, expectedVersion: number): TransactOp[] {
    return [
      save(request, expectedVersion),
      { delete: keys.helpOpen(request.studentId, request.itemId), condition: "#r = :r", names: { "#r": "requestId" }, values: { ":r": request.id } },
      { delete: keys.helpDue(request.districtId, request.dueOn, request.id) },
      stats(request, -1, 1),
    ];
  }
}
