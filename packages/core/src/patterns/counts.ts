import { keys, PatternCountItems, queryAll, type Item, type TransactOp } from "../dynamo";
import type { DistrictInfo } from "../district/schema";
import { requiredMinutes } from "../fidelity/student-report";
import type { FidelityForm } from "../fidelity/schema";
import { addWeeks } from "../fidelity/week";
import type { StudentRecord } from "../student/items";
import { settlePatterns, type StoredPattern } from "./items";
import { supportKey, thresholds } from "./schema";

type Counted = Pick<FidelityForm, "id" | "districtId" | "schoolId" | "studentId" | "staffId" | "week" | "classIds" | "plan" | "accommodations" | "services">;

const misses = (form: Counted, record: StudentRecord) => {
  const titles = new Map(record.relationships.flatMap((r) => (r.classes ?? []).map((c) => [c.id, c.title] as const)));
  const out = new Map<string, { classId: string; className: string; itemText: string }>();
  for (const a of form.accommodations.filter((x) => x.status === "not_provided")) {
    const itemText = form.plan.accommodations.find((p) => p.id === a.itemId)?.text;
    if (!itemText) continue;
    for (const classId of form.classIds) out.set(`MISS#${classId}#${supportKey(itemText)}`, { classId, className: titles.get(classId) ?? classId, itemText });
  }
  return out;
};

const minutesOf = (form: Counted, record: StudentRecord, district: DistrictInfo) => ({
  required: form.plan.services.reduce((sum, s) => sum + requiredMinutes(record, district, form.week, s.id), 0),
  delivered: form.services.flatMap((s) => s.sessions).reduce((sum, s) => sum + ("minutes" in s ? s.minutes : 0), 0),
});

/**
 * The count updates a submission (`previous` absent) or a correction of a submitted form makes, for
 * its transaction: the supports it says were not provided, by class; that its staff member submitted
 * that week; and the service minutes it required and delivered. A draft counts nothing.
 */
export function formCountOps(next: Counted, previous: Counted | undefined, record: StudentRecord, district: DistrictInfo): TransactOp[] {
  const key = (what: string) => keys.patternCount(next.districtId, next.schoolId, next.week, what);
  const member = `${next.studentId}/${next.id}`;
  const now = misses(next, record);
  const before = previous ? misses(previous, record) : new Map();
  const ops: TransactOp[] = [
    ...[...now].filter(([k]) => !before.has(k)).map(([k, m]) => PatternCountItems.addMiss(key(k), member, m)),
    ...[...before.keys()].filter((k) => !now.has(k)).map((k) => PatternCountItems.removeMiss(key(k), member)),
  ];
  if (!previous) ops.push(PatternCountItems.addSubmitted(key(`SUB#${next.staffId}`), next.id, next.staffId));
  if (next.plan.services.length) {
    const after = minutesOf(next, record, district);
    const was = previous ? minutesOf(previous, record, district) : { required: 0, delivered: 0 };
    if (!previous || after.required !== was.required || after.delivered !== was.delivered) {
      ops.push(PatternCountItems.addMinutes(key(`SVC#${next.staffId}`), next.id, next.staffId, after.required - was.required, after.delivered - was.delivered));
    }
  }
  return ops;
}

/**
 * The count items of forms written in bulk (an import or the demo history), as `formCountOps` would
 * leave them had each been submitted in turn: for a batch put, then `refreshMissPatterns` per school and week.
 */
export function countItemsOf(entries: Array<{ form: Counted; record: StudentRecord }>, district: DistrictInfo): CountItem[] {
  const items = new Map<string, CountItem>();
  const at = (form: Counted, what: string, fields: Record<string, unknown>) => {
    const key = keys.patternCount(form.districtId, form.schoolId, form.week, what);
    const id = `${key.pk}|${key.sk}`;
    const item = items.get(id) ?? { ...key, type: "pattern-count", forms: new Set<string>(), ...fields };
    items.set(id, item);
    return item;
  };
  for (const { form, record } of entries) {
    for (const [what, m] of misses(form, record)) at(form, what, m).forms!.add(`${form.studentId}/${form.id}`);
    at(form, `SUB#${form.staffId}`, { staffId: form.staffId }).forms!.add(form.id);
    if (form.plan.services.length) {
      const { required, delivered } = minutesOf(form, record, district);
      const item = at(form, `SVC#${form.staffId}`, { staffId: form.staffId, required: 0, delivered: 0 });
      item.forms!.add(form.id);
      item.required = (item.required ?? 0) + required;
      item.delivered = (item.delivered ?? 0) + delivered;
    }
  }
  return [...items.values()];
}

export type CountItem = Item & {
  sk: string;
  forms?: Set<string>;
  classId?: string;
  className?: string;
  itemText?: string;
  staffId?: string;
  required?: number;
  delivered?: number;
};

export const weekOfCount = (item: { sk: string }) => item.sk.slice(0, 8);

/** A school's count items for a range of weeks: one Query, bounded by the school and the weeks. */
export const schoolCounts = (districtId: string, schoolId: string, fromWeek: string, toWeek: string) =>
  queryAll<CountItem>(keys.patternCounts(districtId, schoolId, fromWeek, toWeek));

/**
 * The class and school patterns of the weeks a form touched, found again from the school's counts:
 * a support not provided for enough students in one class in a week, and one not provided in enough
 * classes over two weeks. Those no longer met are removed, so a correction takes a pattern back.
 */
export async function refreshMissPatterns(districtId: string, schoolId: string, week: string, currentWeek: string) {
  const weeks = [week, addWeeks(week, 1)].filter((w) => w <= currentWeek);
  const items = (await schoolCounts(districtId, schoolId, addWeeks(week, -(thresholds.schoolWeeks - 1)), weeks.at(-1)!)).filter((i) =>
    i.sk.slice(9).startsWith("MISS#"),
  );
  const hold: StoredPattern[] = [];
  const gone: Array<{ week: string; kind: StoredPattern["kind"]; schoolId: string; classId?: string; itemText?: string }> = [];
  for (const item of items.filter((i) => weekOfCount(i) === week)) {
    const members = [...(item.forms ?? [])];
    const studentIds = [...new Set(members.map((m) => m.split("/")[0]!))];
    const p = { kind: "support_missed_across_class" as const, schoolId, classId: item.classId!, className: item.className, itemText: item.itemText!, week };
    if (studentIds.length >= thresholds.studentsPerClass) {
      hold.push({ ...p, count: studentIds.length, since: week, evidence: members.map((m) => m.split("/")[1]!).sort(), studentIds });
    } else gone.push(p);
  }
  for (const w of weeks) {
    const span = items.filter((i) => weekOfCount(i) <= w && weekOfCount(i) > addWeeks(w, -thresholds.schoolWeeks) && (i.forms?.size ?? 0) > 0);
    const bySupport = new Map<string, CountItem[]>();
    for (const i of span) bySupport.set(supportKey(i.itemText!), [...(bySupport.get(supportKey(i.itemText!)) ?? []), i]);
    for (const list of bySupport.values()) {
      const classes = new Set(list.map((i) => i.classId!));
      const members = list.flatMap((i) => [...(i.forms ?? [])]);
      const p = { kind: "support_missed_across_school" as const, schoolId, itemText: list[0]!.itemText!, week: w };
      if (classes.size >= thresholds.classesPerSchool) {
        hold.push({
          ...p,
          count: classes.size,
          since: list.map(weekOfCount).sort()[0]!,
          evidence: [...new Set(members.map((m) => m.split("/")[1]!))].sort(),
          studentIds: [...new Set(members.map((m) => m.split("/")[0]!))],
        });
      } else gone.push(p);
    }
  }
  await settlePatterns(districtId, hold, gone);
}
