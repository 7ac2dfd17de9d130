import type { AccommodationWeek, ServiceWeek, StudentFidelity } from "./client";

/** The weekly rows of each service in week order, with the totals a parent reads first. */
export function byService(data: StudentFidelity) {
  const services = new Map<string, { serviceId: string; name: string; weeks: ServiceWeek[] }>();
  for (const row of data.services) {
    const entry = services.get(row.serviceId) ?? { serviceId: row.serviceId, name: row.name, weeks: [] };
    entry.weeks.push(row);
    services.set(row.serviceId, entry);
  }
  return [...services.values()].map((s) => {
    const weeks = [...s.weeks].sort((a, b) => a.week.localeCompare(b.week));
    const sum = (pick: (w: ServiceWeek) => number) => weeks.reduce((total, w) => total + pick(w), 0);
    return { ...s, weeks, required: sum((w) => w.required), delivered: sum((w) => w.delivered), owed: Math.max(0, weeks.at(-1)?.balance ?? 0) };
  });
}

/** Each accommodation's weeks counted by answer; fidelity is provided (partly counts half) over the weeks it applied. */
export function byAccommodation(data: StudentFidelity) {
  const items = new Map<string, { itemId: string; text: string; weeks: AccommodationWeek[] }>();
  for (const row of data.accommodations) {
    const entry = items.get(row.itemId) ?? { itemId: row.itemId, text: row.text, weeks: [] };
    entry.weeks.push(row);
    items.set(row.itemId, entry);
  }
  return [...items.values()].map((item) => {
    const sum = (pick: (w: AccommodationWeek) => number) => item.weeks.reduce((total, w) => total + (pick(w) || 0), 0);
    const counts = { provided: sum((w) => w.provided), partly: sum((w) => w.partly), notProvided: sum((w) => w.notProvided), notApplicable: sum((w) => w.notApplicable), noForm: sum((w) => w.noForm) };
    const answered = counts.provided + counts.partly + counts.notProvided;
    return { ...item, ...counts, answered, fidelity: answered ? (counts.provided + counts.partly / 2) / answered : undefined };
  });
}

export const percent = (ratio: number | undefined | null, locale: string) =>
  ratio === undefined || ratio === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
