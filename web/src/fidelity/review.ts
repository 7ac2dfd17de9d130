import { api, call } from "../api";

/** The IEP review summary, through the typed client; `version` names an earlier IEP version. */
export const loadIepReview = (studentId: string, version?: string) =>
  call(api.students[":id"].iep.review.$get({ param: { id: studentId }, query: version ? { version } : {} }));
export type IepReview = Awaited<ReturnType<typeof loadIepReview>>;

/** A same-origin link for the summary's CSV download. */
export const reviewCsvHref = (studentId: string, version?: number) => {
  const url = api.students[":id"].iep.review.$url({ param: { id: studentId }, query: { format: "csv", ...(version ? { version: String(version) } : {}) } });
  return `${url.pathname}${url.search}`;
};
