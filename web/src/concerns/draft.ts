import { newIdempotencyKey } from "./data";

/** A concern being written: kept on the device until it is sent, with the one key its filing uses. */
export interface ConcernDraft {
  itemIds: string[];
  classId: string;
  happenedOn: string;
  description: string;
  desiredResolution: string;
  advocateEmail: string;
  /** Made once per draft: sending twice (a double tap, a retry after a lost answer) files one concern. */
  idempotencyKey: string;
}

const storageKey = (studentId: string) => `fidelio.concern-draft.${studentId}`;

export const emptyDraft = (): ConcernDraft => ({
  itemIds: [],
  classId: "",
  happenedOn: "",
  description: "",
  desiredResolution: "",
  advocateEmail: "",
  idempotencyKey: newIdempotencyKey(),
});

/** The draft left on this device for this child, if any. */
export function readDraft(studentId: string): ConcernDraft | undefined {
  try {
    const raw = localStorage.getItem(storageKey(studentId));
    const parsed = raw ? (JSON.parse(raw) as Partial<ConcernDraft>) : undefined;
    if (!parsed || typeof parsed.idempotencyKey !== "string") return undefined;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return {
      itemIds: Array.isArray(parsed.itemIds) ? parsed.itemIds.filter((id): id is string => typeof id === "string") : [],
      classId: text(parsed.classId),
      happenedOn: text(parsed.happenedOn),
      description: text(parsed.description),
      desiredResolution: text(parsed.desiredResolution),
      advocateEmail: text(parsed.advocateEmail),
      idempotencyKey: parsed.idempotencyKey,
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(studentId: string, draft: ConcernDraft) {
  try {
    localStorage.setItem(storageKey(studentId), JSON.stringify(draft));
  } catch {
    // Private browsing may refuse storage: the form still works, it just is not kept.
  }
}

export function clearDraft(studentId: string) {
  try {
    localStorage.removeItem(storageKey(studentId));
  } catch {
    // Nothing was stored.
  }
}

/** Whether a draft holds anything the parent wrote (an untouched one is not worth announcing). */
export const hasContent = (draft: ConcernDraft) =>
  draft.itemIds.length > 0 || !!(draft.classId || draft.happenedOn || draft.description.trim() || draft.desiredResolution.trim() || draft.advocateEmail.trim());
