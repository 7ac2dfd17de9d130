import * as v from "valibot";
import { Accommodation, Goal, Modification, Service, type IepContent } from "../iep/schema";
import type { Role } from "../actor";
import type { Table, Tables } from "./files";
import { known, oneOf, type OneRoster } from "./oneroster";
import type { ProblemCode, ProblemParams } from "./problems";
import type { Problems } from "./problems";

/** What Fidelio's own CSVs add to the OneRoster files. */
export interface FidelioExtras {
  roles: Map<string, Set<Role>>;
  caseload: Array<{ line: number; studentSourcedId: string; caseManagerSourcedId: string }>;
  /** Whether fidelio_caseload.csv came with this import, so it speaks for every case-manager link. */
  caseloadIncluded: boolean;
  /** Whether fidelio_roles.csv came with this import, so it speaks for every Fidelio role. */
  rolesIncluded: boolean;
  ieps: Map<string, ImportedIep>;
}

export interface ImportedIep {
  line: number;
  content: IepContent;
  /** Accommodation id -> class sourcedIds it is limited to; absent: it applies in every class. */
  classLimits: Map<string, string[]>;
}

export const fidelioRoles = ["district_admin", "director", "case_manager", "advocate"] as const;
const itemTypes = ["accommodation", "modification", "service", "goal"] as const;

const rowsOf = (table: Table | undefined, problems: Problems, required: string[]) =>
  (table?.rows ?? []).flatMap((row) => {
    const missing = required.filter((field) => !row.values.get(field) && !table!.missingColumns.includes(field));
    for (const field of missing) problems.add(table!.file, row.line, field, "required");
    return missing.length === 0 ? [{ line: row.line, value: (field: string) => row.values.get(field) ?? "" }] : [];
  });

/** A real calendar date, not only the YYYY-MM-DD shape (no February 30). */
const isRealDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export function readFidelio(tables: Tables, data: OneRoster, problems: Problems): FidelioExtras {
  const extras: FidelioExtras = {
    roles: new Map(),
    caseload: [],
    caseloadIncluded: tables.has("fidelio_caseload.csv"),
    rolesIncluded: tables.has("fidelio_roles.csv"),
    ieps: new Map(),
  };

  for (const row of rowsOf(tables.get("fidelio_roles.csv"), problems, ["userSourcedId", "role"])) {
    const userId = row.value("userSourcedId");
    const role = row.value("role").toLowerCase() as Role;
    if (!(fidelioRoles as readonly string[]).includes(role)) problems.add("fidelio_roles.csv", row.line, "role", "one_of", oneOf([...fidelioRoles]));
    else if (!known(data, "user", userId))
      problems.add("fidelio_roles.csv", row.line, "userSourcedId", "unknown_reference", { kind: "user", sourcedId: userId });
    else if (data.users.get(userId)?.role === "student") problems.add("fidelio_roles.csv", row.line, "userSourcedId", "student_role_forbidden");
    else if (data.users.has(userId)) extras.roles.set(userId, (extras.roles.get(userId) ?? new Set()).add(role));
  }

  for (const row of rowsOf(tables.get("fidelio_caseload.csv"), problems, ["studentSourcedId", "caseManagerSourcedId"])) {
    const studentSourcedId = row.value("studentSourcedId");
    const caseManagerSourcedId = row.value("caseManagerSourcedId");
    const studentIssue = studentProblem(data, studentSourcedId);
    const managerIssue: Issue | undefined = !known(data, "user", caseManagerSourcedId)
      ? ["unknown_reference", { kind: "user", sourcedId: caseManagerSourcedId }]
      : data.users.has(caseManagerSourcedId) && !extras.roles.get(caseManagerSourcedId)?.has("case_manager")
        ? ["no_case_manager_role", { sourcedId: caseManagerSourcedId }]
        : undefined;
    if (studentIssue) problems.add("fidelio_caseload.csv", row.line, "studentSourcedId", ...studentIssue);
    if (managerIssue) problems.add("fidelio_caseload.csv", row.line, "caseManagerSourcedId", ...managerIssue);
    if (!studentIssue && !managerIssue && data.users.has(studentSourcedId) && data.users.has(caseManagerSourcedId)) {
      extras.caseload.push({ line: row.line, studentSourcedId, caseManagerSourcedId });
    }
  }

  readIepItems(tables.get("fidelio_iep_items.csv"), data, problems, extras.ieps);
  return extras;
}

/** Why a sourcedId cannot be a student; a deleted student is no problem (its rows are dropped). */
type Issue = [ProblemCode, ProblemParams];

function studentProblem(data: OneRoster, sourcedId: string): Issue | undefined {
  if (!known(data, "user", sourcedId)) return ["unknown_reference", { kind: "user", sourcedId }];
  const user = data.users.get(sourcedId);
  return user && user.role !== "student" ? ["not_a_student", { sourcedId }] : undefined;
}

/** valibot reports `name`, `id`...; the administrator knows the CSV's column names. */
const columnOf = new Map([
  ["id", "itemId"],
  ["name", "text"],
]);

function readIepItems(table: Table | undefined, data: OneRoster, problems: Problems, ieps: Map<string, ImportedIep>) {
  const file = "fidelio_iep_items.csv";
  const itemIds = new Map<string, Set<string>>();
  for (const row of rowsOf(table, problems, ["studentSourcedId", "effectiveFrom", "itemType", "itemId", "text"])) {
    const studentSourcedId = row.value("studentSourcedId");
    const type = row.value("itemType").toLowerCase() as (typeof itemTypes)[number];
    const effectiveFrom = row.value("effectiveFrom");
    const itemId = row.value("itemId");
    const classIds = row.value("classSourcedIds").split(/\s+/).filter(Boolean);
    const studentIssue = studentProblem(data, studentSourcedId);
    if (studentIssue) problems.add(file, row.line, "studentSourcedId", ...studentIssue);
    if (!isRealDate(effectiveFrom)) problems.add(file, row.line, "effectiveFrom", "bad_date");
    if (!itemTypes.includes(type)) problems.add(file, row.line, "itemType", "one_of", oneOf([...itemTypes]));
    if (classIds.length > 0 && type !== "accommodation") problems.add(file, row.line, "classSourcedIds", "class_limit_not_accommodation");
    for (const classId of classIds) {
      if (!known(data, "class", classId)) problems.add(file, row.line, "classSourcedIds", "unknown_reference", { kind: "class", sourcedId: classId });
    }
    const ids = itemIds.get(studentSourcedId) ?? new Set<string>();
    if (ids.has(itemId)) problems.add(file, row.line, "itemId", "duplicate_item", { itemId, studentSourcedId });
    itemIds.set(studentSourcedId, ids.add(itemId));

    const iep: ImportedIep = ieps.get(studentSourcedId) ?? {
      line: row.line,
      content: { effectiveFrom, accommodations: [], modifications: [], services: [], goals: [] },
      classLimits: new Map(),
    };
    if (iep.content.effectiveFrom !== effectiveFrom) {
      problems.add(file, row.line, "effectiveFrom", "effective_from_differs", { effectiveFrom: iep.content.effectiveFrom, line: iep.line });
    }
    if (data.users.get(studentSourcedId)?.role === "student") ieps.set(studentSourcedId, iep);
    if (!itemTypes.includes(type)) continue;
    const item = readItem(type, row, problems);
    if (!item) continue;
    if (type === "accommodation") iep.content.accommodations.push(item as v.InferOutput<typeof Accommodation>);
    else if (type === "modification") iep.content.modifications.push(item as v.InferOutput<typeof Modification>);
    else if (type === "service") iep.content.services.push(item as v.InferOutput<typeof Service>);
    else iep.content.goals.push(item as v.InferOutput<typeof Goal>);
    if (classIds.length > 0) iep.classLimits.set(itemId, classIds);
  }
}

/** Builds one IEP item with its keys in schema order, so stored and imported items compare equal. */
function readItem(type: (typeof itemTypes)[number], row: { line: number; value: (f: string) => string }, problems: Problems) {
  const file = "fidelio_iep_items.csv";
  const id = row.value("itemId");
  const text = row.value("text");
  let parsed: v.SafeParseResult<v.GenericSchema>;
  if (type === "service") {
    // Every missing or malformed column is reported, not only the first.
    const raw = row.value("minutesPerWeek");
    const numeric = /^-?\d+(\.\d+)?$/.test(raw);
    if (!raw) problems.add(file, row.line, "minutesPerWeek", "required_for_service");
    else if (!numeric) problems.add(file, row.line, "minutesPerWeek", "minutes_format");
    if (!row.value("providerRole")) problems.add(file, row.line, "providerRole", "required_for_service");
    if (!numeric || !row.value("providerRole")) return undefined;
    parsed = v.safeParse(Service, { id, name: text, minutesPerWeek: Number(raw), providerRole: row.value("providerRole") });
  } else if (type === "goal") {
    if (!row.value("area")) return void problems.add(file, row.line, "area", "required_for_goal");
    parsed = v.safeParse(Goal, { id, area: row.value("area"), text });
  } else {
    parsed = v.safeParse(type === "accommodation" ? Accommodation : Modification, { id, text });
  }
  if (parsed.success) return parsed.output as Record<string, unknown>;
  for (const issue of parsed.issues) {
    const key = String(issue.path?.[0]?.key ?? "");
    problems.add(file, row.line, columnOf.get(key) ?? key, "invalid_value", { message: issue.message });
  }
  return undefined;
}
