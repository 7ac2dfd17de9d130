import { unzipSync } from "fflate";
import { VisibleError } from "../error";
import { readCsv } from "./csv";
import { rosterLimits } from "./limits";
import type { Problems } from "./problems";

export { rosterLimits };

/** The OneRoster versions Fidelio reads; manifest.csv says which one a set is, and without it a set is 1.1. */
export type OneRosterVersion = "1.1" | "1.2";

const shared = {
  "orgs.csv": { required: ["sourcedId", "name", "type"], optional: ["status"] },
  "classes.csv": { required: ["sourcedId", "title", "schoolSourcedId"], optional: ["status"] },
  "enrollments.csv": { required: ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"], optional: ["status"] },
  "fidelio_roles.csv": { required: ["userSourcedId", "role"], optional: [] },
  "fidelio_caseload.csv": { required: ["studentSourcedId", "caseManagerSourcedId"], optional: [] },
  "fidelio_iep_items.csv": {
    required: ["studentSourcedId", "effectiveFrom", "itemType", "itemId", "text"],
    optional: ["minutesPerWeek", "providerRole", "area", "classSourcedIds"],
  },
} as const;

/** The files Fidelio reads in each version and the columns it needs from each; any other column is ignored. */
export const rosterFiles = {
  "1.1": {
    ...shared,
    "users.csv": {
      required: ["sourcedId", "orgSourcedIds", "role", "givenName", "familyName", "email"],
      optional: ["status", "agentSourcedIds", "grades"],
    },
  },
  // 1.2 moves a user's role and organizations from users.csv to roles.csv, one row per role in an org.
  "1.2": {
    ...shared,
    "users.csv": { required: ["sourcedId", "givenName", "familyName", "email"], optional: ["status", "agentSourcedIds", "grades"] },
    "roles.csv": { required: ["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"], optional: ["status"] },
  },
} as const satisfies Record<OneRosterVersion, Record<string, { required: readonly string[]; optional: readonly string[] }>>;

export type RosterFileName = keyof (typeof rosterFiles)["1.1"] | keyof (typeof rosterFiles)["1.2"];
type Spec = { required: readonly string[]; optional: readonly string[] };

/** Uploaded names are looked up in a Map, never as object keys: `__proto__` or `toString` is just an unknown file. */
const specsOf = (version: OneRosterVersion) => new Map(Object.entries(rosterFiles[version]) as Array<[RosterFileName, Spec]>);
const anyVersion = new Set<string>([...specsOf("1.1").keys(), ...specsOf("1.2").keys(), "manifest.csv"]);

const requiredFiles: Record<OneRosterVersion, RosterFileName[]> = {
  "1.1": ["orgs.csv", "users.csv", "classes.csv", "enrollments.csv"],
  "1.2": ["orgs.csv", "users.csv", "roles.csv", "classes.csv", "enrollments.csv"],
};

/** OneRoster files Fidelio has no use for (1.1 and 1.2); a bulk export may carry them. */
const ignoredFiles = new Set(
  [
    "academicSessions",
    "courses",
    "demographics",
    "categories",
    "classResources",
    "courseResources",
    "lineItems",
    "resources",
    "results",
    "userResources",
    "userProfiles",
    "scoreScales",
    "lineItemLearningObjectiveIds",
    "lineItemScoreScales",
    "resultLearningObjectiveIds",
    "resultScoreScales",
    "assessmentLineItems",
    "assessmentResults",
  ].map((name) => `${name.toLowerCase()}.csv`),
);

export interface Row {
  line: number;
  /** Column name (as in the header, or the canonical spelling of a known column) -> trimmed cell. */
  values: Map<string, string>;
}

export interface Table {
  file: string;
  rows: Row[];
  /** Required columns the header lacks: reported once, not again on every row. */
  missingColumns: string[];
  /** Rows were lost to CSV syntax errors: which sourcedIds the file holds is not known. */
  damaged: boolean;
}

/** Keyed by the validated file name; a Map so no user-chosen name reaches an object's prototype. */
/**
 * How a file speaks (manifest.csv, `file.<name>`, OneRoster 1.1 and 1.2): `bulk` holds every record of
 * its kind; `delta` only the records it lists, changed since the last export; `absent` is not sent.
 * Without a manifest row, a OneRoster file is bulk and a Fidelio file follows users.csv.
 */
export type FileMode = "bulk" | "delta" | "absent";
const fileModes: FileMode[] = ["bulk", "delta", "absent"];

export interface Tables {
  version: OneRosterVersion;
  /** The mode of every file this version reads (see FileMode). */
  modeOf(file: RosterFileName): FileMode;
  get(file: RosterFileName): Table | undefined;
  has(file: RosterFileName): boolean;
  /** Files required for this version that did not come, or whose header could not be read. */
  unreadable: Set<RosterFileName>;
}

const tooLarge = (what: string) =>
  new VisibleError(413, "roster_too_large", `The roster is too large: ${what}. Split it or remove files Fidelio does not read.`);

const isZip = (file: { name: string; bytes: Uint8Array }) =>
  file.name.toLowerCase().endsWith(".zip") || (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04);

const baseName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/** Unpacks zips (directory prefixes stripped) and enforces the size limit on what will be read. */
function expand(files: Array<{ name: string; bytes: Uint8Array }>, problems: Problems) {
  const limitMb = rosterLimits.bytes / 1024 / 1024;
  if (files.reduce((sum, f) => sum + f.bytes.byteLength, 0) > rosterLimits.bytes) throw tooLarge(`more than ${limitMb} MB uploaded`);
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  let unpacked = files.filter((f) => !isZip(f)).reduce((sum, f) => sum + f.bytes.byteLength, 0);
  for (const file of files) {
    if (!isZip(file)) {
      out.push({ name: baseName(file.name), bytes: file.bytes });
      continue;
    }
    let entries: Record<string, Uint8Array>;
    // fflate collects entries in a plain object keyed by path: only roster files are extracted, so an
    // entry named `__proto__` never becomes a key there; it is reported by name instead.
    const unread: string[] = [];
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => {
          const name = baseName(entry.name);
          if (entry.name.endsWith("/") || entry.name.startsWith("__MACOSX/") || name.startsWith(".")) return false;
          if (ignoredFiles.has(name.toLowerCase())) return false;
          if (!anyVersion.has(name.toLowerCase())) {
            unread.push(name);
            return false;
          }
          unpacked += entry.originalSize;
          if (unpacked > rosterLimits.bytes) throw tooLarge(`more than ${limitMb} MB once unzipped`);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof VisibleError) throw error;
      problems.add(baseName(file.name), 0, "", "bad_zip");
      continue;
    }
    for (const [path, bytes] of Object.entries(entries)) out.push({ name: baseName(path), bytes });
    for (const name of unread) out.push({ name, bytes: new Uint8Array() });
  }
  return out;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads one file against its spec; undefined when not even its header can be read. */
function parseTable(file: string, spec: Spec, bytes: Uint8Array, problems: Problems): Table | undefined {
  let text: string;
  try {
    text = decoder
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n");
  } catch {
    problems.add(file, 0, "", "not_utf8");
    return undefined;
  }
  const { records, errors } = readCsv(text);
  const [header, ...body] = records;
  const headerCells = header?.line === 1 ? header.cells : [];
  const known = new Map<string, string>([...spec.required, ...spec.optional].map((column) => [column.toLowerCase(), column]));
  const columns = headerCells.map((cell) => known.get(cell.trim().toLowerCase()) ?? cell.trim());
  for (const error of errors) {
    problems.add(file, error.line, error.line === 1 ? "" : (columns[error.index] ?? ""), "bad_quote", {
      detail: error.kind === "never_closed" ? "never closed" : "text after the closing quote",
    });
  }
  if (header?.line !== 1) {
    if (errors.length === 0) problems.add(file, 1, "", "empty_file");
    return undefined;
  }
  const missingColumns = spec.required.filter((column) => !columns.includes(column));
  for (const column of missingColumns) problems.add(file, 1, column, "missing_column");
  const rows: Row[] = [];
  for (const record of body) {
    if (record.cells.every((cell) => cell.trim() === "")) continue;
    if (record.cells.length !== columns.length) {
      problems.add(file, record.line, "", "field_count", { expected: columns.length, found: record.cells.length });
    }
    const values = new Map<string, string>();
    columns.forEach((column, i) => {
      values.set(column, (record.cells[i] ?? "").trim());
    });
    rows.push({ line: record.line, values });
  }
  return { file, rows, missingColumns, damaged: errors.length > 0 };
}

/**
 * The version manifest.csv declares (`oneroster.version`; a set without a manifest is 1.1) and the
 * mode of each file it names (`file.users` -> users.csv).
 */
function readManifest(manifest: { bytes: Uint8Array } | undefined, problems: Problems): { version: OneRosterVersion; modes: Map<string, FileMode> } {
  const modes = new Map<string, FileMode>();
  if (!manifest) return { version: "1.1", modes };
  const table = parseTable("manifest.csv", { required: ["propertyName", "value"], optional: [] }, manifest.bytes, problems);
  for (const row of table?.rows ?? []) {
    const name = row.values.get("propertyName")?.toLowerCase() ?? "";
    if (!name.startsWith("file.")) continue;
    const mode = (row.values.get("value") ?? "").toLowerCase() as FileMode;
    if (fileModes.includes(mode)) modes.set(`${name.slice(5)}.csv`, mode);
    else problems.add("manifest.csv", row.line, "value", "bad_file_mode", { file: name.slice(5), mode: row.values.get("value") || "empty" });
  }
  const row = table?.rows.find((r) => r.values.get("propertyName")?.toLowerCase() === "oneroster.version");
  const declared = row?.values.get("value") ?? "";
  if (declared === "1.1" || declared === "1.2") return { version: declared, modes };
  if (table) problems.add("manifest.csv", row?.line ?? 0, "oneroster.version", "unsupported_version", { version: declared || "nothing" });
  return { version: "1.1", modes };
}

/** Reads every uploaded file into tables; problems with files and headers go to `problems`. */
export function readTables(files: Array<{ name: string; bytes: Uint8Array }>, problems: Problems): Tables {
  const expanded = expand(files, problems);
  const manifests = expanded.filter((f) => f.name.toLowerCase() === "manifest.csv");
  if (manifests.length > 1) problems.add("manifest.csv", 0, "", "duplicate_file");
  const { version, modes } = readManifest(manifests[0], problems);
  const modeOf = (file: RosterFileName): FileMode =>
    modes.get(file) ?? (file.startsWith("fidelio_") ? (modes.get("users.csv") === "delta" ? "delta" : "bulk") : "bulk");
  const specs = specsOf(version);
  const tables = new Map<RosterFileName, Table>();
  const seen = new Set<string>();
  let rowCount = 0;
  for (const { name, bytes } of expanded) {
    const lower = name.toLowerCase();
    if (ignoredFiles.has(lower) || lower === "manifest.csv") continue;
    const spec = specs.get(lower as RosterFileName);
    if (!spec) {
      if (anyVersion.has(lower)) problems.add(name, 0, "", "version_file", { version });
      else if (/\.[a-z0-9]+$/.test(lower) && !lower.endsWith(".csv")) problems.add(name, 0, "", "not_a_roster_file");
      else problems.add(name, 0, "", "unknown_file");
      continue;
    }
    const file = lower as RosterFileName;
    if (modeOf(file) === "absent") {
      problems.add(file, 0, "", "absent_but_sent");
      continue;
    }
    if (seen.has(file)) {
      problems.add(file, 0, "", "duplicate_file");
      continue;
    }
    seen.add(file);
    const table = parseTable(file, spec, bytes, problems);
    if (!table) continue;
    rowCount += table.rows.length;
    if (rowCount > rosterLimits.rows) throw tooLarge(`more than ${rosterLimits.rows.toLocaleString("en-US")} rows`);
    tables.set(file, table);
  }
  const unreadable = new Set<RosterFileName>();
  for (const file of requiredFiles[version]) {
    // A file the manifest marks absent says nothing: it is not missing, and references into it are not checked.
    if (!seen.has(file) && modeOf(file) !== "absent") problems.add(file, 0, "", "missing_file");
    const table = tables.get(file);
    if (!table || table.damaged || table.missingColumns.includes("sourcedId")) unreadable.add(file);
  }
  return { version, modeOf, get: (file) => tables.get(file), has: (file) => seen.has(file), unreadable };
}
