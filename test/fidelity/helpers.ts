import { District } from "@fidelio/core/district";
import { addWeeks, districtToday, isoWeekOf } from "@fidelio/core/fidelity";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { call } from "../support/api";

export const demo = (who: string) => `${who}@demo.fidelio.test`;

export async function currentWeek() {
  return isoWeekOf(districtToday((await District.load(demoDistrictId))!));
}
export const weeksAgo = async (n: number) => addWeeks(await currentWeek(), -n);

export interface FormRow {
  id: string;
  studentId: string;
  studentName: string;
  classIds: string[];
  week: string;
  status: string;
  version: number;
}

export async function formsOf(token: string, week: string): Promise<FormRow[]> {
  const res = await call(`/api/fidelity/forms?week=${week}`, { token });
  if (res.status !== 200) throw new Error(`forms answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { items: FormRow[] }).items;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by the assertions
export async function json<T = any>(res: Response | Promise<Response>): Promise<{ status: number; body: T }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T };
}
