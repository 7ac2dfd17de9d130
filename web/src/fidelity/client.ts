import { ApiError, type Problem, type RowError } from "../api";
import type { AccommodationAnswer, FidelityForm, FormStatus, MissedReason, ServiceAnswer, Session } from "@fidelio/core/fidelity/schema";
import { accommodationStatuses, missedReasons } from "@fidelio/core/fidelity/schema";
// Types only: nothing of core's storage code reaches the bundle.
import type { Fidelity, SubmitBlocker } from "@fidelio/core/fidelity";
import type { IepUpdate } from "@fidelio/core/iep/schema";
import type { IepNotice } from "@fidelio/core/iep/notices";

/**
 * Calls to the fidelity and IEP-version routes, typed from the domain's shapes (core's fidelity schema). They go through
 * plain fetch (same origin, session cookie) and fail with the same ApiError as the typed client.
 */


export type { AccommodationAnswer, FormStatus, MissedReason, ServiceAnswer, Session, SubmitBlocker };

/** A form as saved: the stored form and what still blocks submitting it (a draft keeps every answer). */
export interface SavedForm extends FidelityForm {
  blockers: SubmitBlocker[];
}
export { accommodationStatuses, missedReasons };
export type AccommodationStatus = AccommodationAnswer["status"];

export interface FormSummary {
  id: string;
  studentId: string;
  studentName: string;
  classIds: string[];
  week: string;
  status: FormStatus;
  version: number;
}

/** A form as GET /api/fidelity/forms/:id sends it: the stored form and what the screen needs around it. */
export interface FormDetail extends SavedForm {
  acknowledgment: { version: number; required: boolean; acknowledgedAt: string | null };
  /** A save needs a reason: a correction after submitting, or a week past the grace period. */
  needsReason: "correction" | "late" | null;
  /** Last week's answers, for "same as last week". */
  previous: { week: string; accommodations: AccommodationAnswer[]; services: ServiceAnswer[] } | null;
}

interface ErrorBody {
  error?: string;
  message?: string;
  problems?: Problem[];
  errors?: RowError[];
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  const data = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (!response.ok) throw new ApiError(response.status, data.error ?? "error", data.message ?? String(response.status), data.problems ?? [], data.errors ?? []);
  return data;
}

const query = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
};

export const fidelityApi = {
  forms: (week: string) => request<{ items: FormSummary[] }>("GET", `/api/fidelity/forms${query({ week })}`),
  form: (id: string) => request<FormDetail>("GET", `/api/fidelity/forms/${encodeURIComponent(id)}`),
  save: (id: string, body: { version: number; accommodations: AccommodationAnswer[]; services: ServiceAnswer[]; reason?: string }) =>
    request<SavedForm>("PUT", `/api/fidelity/forms/${encodeURIComponent(id)}`, body),
  openBefore: (week: string) => request<{ items: FormSummary[] }>("GET", `/api/fidelity/forms/open${query({ before: week })}`),
  submit: (id: string, body: { version: number; reason?: string }) => request<SavedForm>("POST", `/api/fidelity/forms/${encodeURIComponent(id)}/submit`, body),
  iepChanges: () => request<{ items: IepChangeNotice[] }>("GET", "/api/students/iep-changes"),
  acknowledge: (studentId: string, version: number) => request<unknown>("POST", `/api/students/${encodeURIComponent(studentId)}/iep/acknowledge`, { version }),
  student: (studentId: string, range: FidelityRange = {}) => request<StudentFidelity>("GET", `/api/students/${encodeURIComponent(studentId)}/fidelity${query({ ...range })}`),
  studentCsv: (studentId: string, range: FidelityRange = {}) => `/api/students/${encodeURIComponent(studentId)}/fidelity${query({ ...range, format: "csv" })}`,
  report: (filters: ReportFilters) => request<FidelityReport>("GET", `/api/reports/fidelity${query({ ...filters })}`),
  reportCsv: (filters: ReportFilters) => `/api/reports/fidelity${query({ ...filters, format: "csv" })}`,
  saveIep: (studentId: string, body: IepUpdate) => request<{ version: number; notified: Array<{ userId: string; name: string; role: string }> }>("PUT", `/api/students/${encodeURIComponent(studentId)}/iep`, body),
};

/** Weeks or dates, or a period counted back from this week on the district's calendar. */
export interface FidelityRange {
  from?: string;
  to?: string;
  period?: "last4" | "last10" | "school_year";
}

/** GET /api/students/iep-changes: an amendment that changes what I provide, until I acknowledge it. */
export type IepChangeNotice = Omit<IepNotice, "userId">;

export interface ReportFilters {
  schoolId?: string;
  teacherId?: string;
  from?: string;
  to?: string;
}

/** GET /api/students/:id/fidelity: each week's accommodations and services, and the balance owed. */
export type StudentFidelity = Awaited<ReturnType<typeof Fidelity.student>>["result"];
export type FidelityWeek = StudentFidelity["weeks"][number];
export type ServiceWeek = FidelityWeek["services"][number];
export type AccommodationWeek = FidelityWeek["accommodations"][number];
/** GET /api/reports/fidelity: rows by school, teacher and item, and each teacher's forms. */
export type FidelityReport = Awaited<ReturnType<typeof Fidelity.report>>["result"];

export type { IepUpdate } from "@fidelio/core/iep/schema";
