/**
 * A small RFC 4180 reader that knows where every record starts and where a bad quote opens.
 *
 * csv-parse stops at the first syntax error and reports the line where it gave up (for a quote never
 * closed, the end of the file); an administrator needs the line where the quote opens and which
 * column it is in, and every other bad row of the file in the same pass. So: a record with a bad
 * quote is dropped and reading carries on at the next line; a quote never closed is reported where
 * it opens, and reading carries on at the line after it (once: a second one ends the file).
 * A quote inside an unquoted field (`5'10"`) is kept as text, as most SIS exports expect.
 */
export interface CsvRecord {
  /** Line where the record starts (1-based). */
  line: number;
  cells: string[];
}

export interface CsvSyntaxError {
  /** Line where the offending quoted field opens. */
  line: number;
  /** 0-based index of the field in its record. */
  index: number;
  kind: "text_after_quote" | "never_closed";
}

export function readCsv(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  let lineAt = 0; // index into lineStarts of the line holding `i`
  let i = 0;
  let restarted = false;

  const nextLineFrom = (line: number) => (line < lineStarts.length ? lineStarts[line]! : text.length);

  while (i < text.length) {
    const startLine = lineAt + 1;
    const cells: string[] = [];
    let cell = "";
    let bad: CsvSyntaxError | undefined;
    // One record.
    for (;;) {
      if (text[i] === '"') {
        const openLine = lineAt + 1;
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === "\n") lineAt++;
          cell += ch;
          i++;
        }
        if (!closed) {
          bad = { line: openLine, index: cells.length, kind: "never_closed" };
          break;
        }
        if (i < text.length && text[i] !== "," && text[i] !== "\n") {
          // A "field" that spans lines and ends in text took a later quote for its own: the quote that
          // opened it was never closed on its line, and reading resumes on the next one.
          const spanned = lineAt + 1 > openLine;
          bad = { line: openLine, index: cells.length, kind: spanned ? "never_closed" : "text_after_quote" };
          if (spanned) lineAt = openLine - 1;
          break;
        }
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "\n") cell += text[i++];
      }
      cells.push(cell);
      cell = "";
      if (i >= text.length) break;
      if (text[i] === ",") {
        i++;
        if (i >= text.length) {
          cells.push("");
          break;
        }
        continue;
      }
      // End of line, end of record.
      i++;
      lineAt++;
      break;
    }
    if (bad) {
      errors.push(bad);
      if (bad.kind === "never_closed") {
        // Only a quote open to the end of the file is costly to recover from (the rest is read again): once.
        if (i >= text.length) {
          if (restarted) break;
          restarted = true;
        }
        lineAt = bad.line; // carry on at the line after the one where the quote opens
      } else {
        while (i < text.length && text[i] !== "\n") i++;
        lineAt = lineStarts.findLastIndex((start) => start <= i);
        lineAt += 1;
      }
      i = nextLineFrom(lineAt);
      continue;
    }
    if (cells.length === 1 && cells[0] === "") continue; // an empty line
    records.push({ line: startLine, cells });
  }
  return { records, errors };
}
