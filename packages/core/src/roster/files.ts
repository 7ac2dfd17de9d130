import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { VisibleError } from "../error";
import type { Problems } from "./problems";

export const rosterLimits = { bytes: 20 * 1024 * 1024, rows: 50_000 } as const;

/** The files Fidelio reads and the columns it needs from each; any other column is ignored. */
export const rosterFiles = {
  "orgs.csv": { required: ["sourcedId", "name", "type"], optional: ["status"] },
  "users.csv": {
    required: ["sourcedId", "orgSourcedIds", "role", "givenName", "familyName", "email"],
    optional: ["status", "agentSourcedIds", "grades"],
  },
  "classes.csv": { required: ["sourcedId", "title", "schoolSourcedId"], optional: ["status"] },
  "enrollments.csv": { required: ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"], optional: ["status"] },
  "fidelio_roles.csv": { required: ["userSourcedId", "role"], optional: [] },
  "fidelio_caseload.csv": { required: ["studentSourcedId", "caseManagerSourcedId"], optional: [] },
  "fidelio_iep_items.csv": {
    required: ["studentSourcedId", "effectiveFrom", "itemType", "itemId", "text"],
    optional: ["minutesPerWeek", "providerRole", "area", "classSourcedIds"],
  },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;

export type RosterFileName = keyof typeof rosterFiles;

/** Uploaded names are looked up in a Map, never as object keys: `__proto__` or `toString` is just an unknown file. */
const specOf = new Map(Object.entries(rosterFiles) as Array<[RosterFileName, (typeof rosterFiles)[RosterFileName]]>);
const isRosterFile = (name: string): name is RosterFileName => specOf.has(name as RosterFileName);

const requiredFiles: RosterFileName[] = ["orgs.csv", "users.csv", "classes.csv", "enrollments.csv"];

/** OneRoster 1.1 files Fidelio has no use for; a bulk export may carry them. */
const ignoredFiles = new Set(
  ["manifest", "academicSessions", "courses", "demographics", "categories", "classResources", "courseResources", "lineItems", "resources", "results", "userResources"].map(
    (name) => `${name.toLowerCase()}.csv`,
  ),
);

export interface Row {
  line: number;
  /** Column name (as in the header, or the canonical spelling of a known column) -> trimmed cell. */
  values: Map<string, string>;
}

export interface Table {
  file: RosterFileName;
  rows: Row[];
  /** Required columns the header lacks: reported once, not again on every row. */
  missingColumns: string[];
}

/** Keyed by the validated file name; a Map so no user-chosen name reaches an object's prototype. */
export type Tables = Map<RosterFileName, Table>;

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
          if (!isRosterFile(name.toLowerCase())) {
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
      problems.add(baseName(file.name), 0, "", "This zip file cannot be read");
      continue;
    }
    for (const [path, bytes] of Object.entries(entries)) out.push({ name: baseName(path), bytes });
    for (const name of unread) out.push({ name, bytes: new Uint8Array() });
  }
  return out;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function parseTable(file: RosterFileName, bytes: Uint8Array, problems: Problems): Table | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    problems.add(file, 0, "", "The file is not UTF-8 text");
    return undefined;
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 0;
    problems.add(file, lines, "", `Malformed CSV: ${(error as Error).message}`);
    return undefined;
  }
  // info.lines is where a record ends; a quoted field spanning lines starts earlier.
  const lineOf = (r: (typeof records)[number]) => r.info.lines - r.record.join(",").split("\n").length + 1;
  const [header, ...body] = records;
  if (!header) {
    problems.add(file, 1, "", "The file is empty; it needs a header row");
    return undefined;
  }
  const spec = specOf.get(file)!;
  const known = new Map<string, string>([...spec.required, ...spec.optional].map((column) => [column.toLowerCase(), column]));
  const columns = header.record.map((cell) => known.get(cell.trim().toLowerCase()) ?? cell.trim());
  const missingColumns = spec.required.filter((column) => !columns.includes(column));
  for (const column of missingColumns) problems.add(file, 1, column, "Missing column");
  const rows: Row[] = [];
  for (const record of body) {
    if (record.record.every((cell) => cell.trim() === "")) continue;
    const line = lineOf(record);
    if (record.record.length !== columns.length) {
      problems.add(file, line, "", `Expected ${columns.length} fields as in the header, found ${record.record.length}`);
    }
    const values = new Map<string, string>();
    columns.forEach((column, i) => {
      values.set(column, (record.record[i] ?? "").trim());
    });
    rows.push({ line, values });
  }
  return { file, rows, missingColumns };
}

/** Reads every uploaded file into tables; problems with files and headers go to `problems`. */
export function readTables(files: Array<{ name: string; bytes: Uint8Array }>, problems: Problems): Tables {
  const tables: Tables = new Map();
  const seen = new Set<string>();
  let rowCount = 0;
  for (const { name, bytes } of expand(files, problems)) {
    const lower = name.toLowerCase();
    if (ignoredFiles.has(lower)) continue;
    if (!isRosterFile(lower)) {
      problems.add(name, 0, "", "Not a file Fidelio reads (see the roster CSV guide for the file names)");
      continue;
    }
    const file = lower;
    if (seen.has(file)) {
      problems.add(file, 0, "", "This file was uploaded more than once");
      continue;
    }
    seen.add(file);
    const table = parseTable(file, bytes, problems);
    if (!table) continue;
    rowCount += table.rows.length;
    if (rowCount > rosterLimits.rows) throw tooLarge(`more than ${rosterLimits.rows.toLocaleString("en-US")} rows`);
    tables.set(file, table);
  }
  for (const file of requiredFiles) {
    if (!seen.has(file)) problems.add(file, 0, "", "Missing file");
  }
  return tables;
}
