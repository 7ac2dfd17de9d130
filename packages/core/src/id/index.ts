import { monotonicFactory } from "ulidx";

const ulid = monotonicFactory();

export type IdPrefix = "dis" | "sch" | "usr" | "stu" | "aud" | "iep" | "acc" | "mod" | "svc" | "gol" | "ses" | "rjb";

/** Prefixed, time-sortable ids such as `stu_01jf…`. */
export const newId = (prefix: IdPrefix) => `${prefix}_${ulid().toLowerCase()}`;
