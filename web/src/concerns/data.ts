import type { ConcernAction, ConcernStatus } from "@fidelio/core/concern/schema";
import type { NoticeInput } from "@fidelio/core/concern/notice";
import { api, call, ApiError, type Body } from "../api";
import { t } from "../i18n";
// The words of a concern's state and level come with the importer's area of words: `concerns` (the form,
// the lists) or `concern-page`, which holds them too so a concern's page fetches one file of words.

const loadConcernRaw = (id: string) => api.concerns[":id"].$get({ param: { id } });
export type ConcernView = Body<Awaited<ReturnType<typeof loadConcernRaw>>>;
export const loadConcern = (id: string) => call(loadConcernRaw(id));

type ListQuery = { status?: ConcernStatus; studentId?: string; q?: string; cursor?: string };
const loadConcernsRaw = (query: ListQuery) => api.concerns.$get({ query });
export type ConcernSummary = Body<Awaited<ReturnType<typeof loadConcernsRaw>>>["items"][number];
export const loadConcerns = (query: ListQuery = {}) => call(loadConcernsRaw(query));

export type { ConcernAction };

type FileConcernBody = Parameters<typeof api.concerns.$post>[0]["json"];

/** Files a concern; the same Idempotency-Key on a retry returns the same concern and files nothing new. */
export const fileConcern = (json: FileConcernBody, idempotencyKey: string) => call(api.concerns.$post({ header: { "idempotency-key": idempotencyKey }, json }));

/** Acts on the concern as the reader saw it (its `version`): a concern changed since answers 409 and nothing is done. */
export const actOnConcern = (concern: Pick<ConcernView, "id" | "version">, action: ConcernAction, text?: string, notice?: NoticeInput) =>
  call(
    api.concerns[":id"].actions.$post({
      param: { id: concern.id },
      json: { action, version: concern.version, ...(text && { text }), ...(notice && { notice }) },
    }),
  );

/** Where a concern stands, in words: its outcome once closed, else its level and status. */
export function stateWords(concern: { status: string; level: string; outcome?: string | null }): string {
  if (concern.status === "closed") return concern.outcome ? t(`outcome.${concern.outcome}` as "outcome.resolved") : t("status.closed");
  return `${t(`level.${concern.level}` as "level.teacher")} · ${t(`status.${concern.status}` as "status.open")}`;
}

export const levelName = (level: string) => t(`levelName.${level}` as "levelName.teacher");

/** A 409 from an action: the concern moved on (a deadline, another answer) before this one. */
export const isStale = (error: unknown) => error instanceof ApiError && error.status === 409;

/** A new Idempotency-Key: random, made once per draft. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
