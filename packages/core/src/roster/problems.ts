/** One thing wrong with the uploaded roster; `line` counts the header as line 1 (0: the file as a whole). */
export interface RosterProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Collects every problem so the administrator can fix the whole roster in one pass. */
export class Problems {
  readonly list: RosterProblem[] = [];

  add(file: string, line: number, field: string, message: string) {
    this.list.push({ file, line, field, message });
  }

  get count() {
    return this.list.length;
  }
}
