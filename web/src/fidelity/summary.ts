import type { AccommodationWeek, ServiceWeek, StudentFidelity } from "./client";

/** Each service's weeks in order, with the totals a parent reads first and the balance owed at the end. */
export function byService(data: StudentFidelity) {
  const services = new Map<string, { serviceId: string; name: string; weeks: Array<ServiceWeek & { week: string }> }>();
  for (const week of data.weeks) {
    for (const row of week.services) {
      const entry = services.get(row.serviceId) ?? { serviceId: row.serviceId, name: row.name, weeks: [] };
      entry.weeks.push({ ...row, week: week.week });
      services.set(row.serviceId, entry);
    }
  }
  return [...services.values()].map((s) => {
    const sum = (pick: (w: ServiceWeek) => number) => s.weeks.reduce((total, w) => total + pick(w), 0);
    const owed = data.balance.find((b) => b.serviceId === s.serviceId)?.owed ?? s.weeks.at(-1)?.balance ?? 0;
    return { ...s, required: sum((w) => w.required), delivered: sum((w) => w.delivered), owed };
  });
}

/** Each accommodation's weeks counted by answer; fidelity is provided (partly counts half) over the answers and missing forms, not-applicable weeks left out. */
export function byAccommodation(data: StudentFidelity) {
  const items = new Map<string, { itemId: string; text: string; weeks: Array<AccommodationWeek & { week: string }> }>();
  for (const week of data.weeks) {
    for (const row of week.accommodations) {
      const entry = items.get(row.itemId) ?? { itemId: row.itemId, text: row.text, weeks: [] };
      entry.text = row.text;
      entry.weeks.push({ ...row, week: week.week });
      items.set(row.itemId, entry);
    }
  }
  return [...items.values()].map((item) => {
    const sum = (pick: (w: AccommodationWeek) => number) => item.weeks.reduce((total, w) => total + pick(w), 0);
    const counts = { provided: sum((w) => w.provided), partly: sum((w) => w.partly), notProvided: sum((w) => w.not_provided), notApplicable: sum((w) => w.not_applicable), noForm: sum((w) => w.noRecord) };
    const answered = counts.provided + counts.partly + counts.notProvided;
    const judged = answered + counts.noForm;
    return { ...item, ...counts, answered, fidelity: judged ? (counts.provided + counts.partly / 2) / judged : undefined };
  });
}

export const percent = (ratio: number | undefined | null, locale: string) =>
  ratio === undefined || ratio === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
