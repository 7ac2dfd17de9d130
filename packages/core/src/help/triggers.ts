import type { FidelityForm } from "../fidelity/schema";
import { isMiss } from "../fidelity/schema";
import type { HelpTrigger } from "./schema";

type Answers = Pick<FidelityForm, "plan" | "accommodations" | "services">;

export interface Asked {
  itemId: string;
  itemText: string;
  trigger: HelpTrigger;
  note?: string;
}

/**
 * The supports a submitted form asks help with, one each: "I need help with this" on any support; a
 * miss whose barrier a case manager can remove (not sure how, materials missing); or a miss of a
 * support that `lastWeek` (the same person's submitted form for the week before) missed too.
 * No AWS imports, and nothing read: table-tested in test/unit.
 */
export function helpAsked(form: Answers, lastWeek?: Pick<FidelityForm, "accommodations" | "status">): Asked[] {
  const missedBefore = new Set(lastWeek?.status === "submitted" ? lastWeek.accommodations.filter((a) => isMiss(a.status)).map((a) => a.itemId) : []);
  const out: Asked[] = [];
  for (const a of form.accommodations) {
    const itemText = form.plan.accommodations.find((p) => p.id === a.itemId)?.text;
    if (!itemText) continue;
    const trigger: HelpTrigger | undefined = a.needsHelp
      ? "asked"
      : isMiss(a.status) && (a.reason === "not_sure_how" || a.reason === "materials_missing")
        ? a.reason
        : isMiss(a.status) && missedBefore.has(a.itemId)
          ? "missed_twice"
          : undefined;
    if (trigger) out.push({ itemId: a.itemId, itemText, trigger, ...(a.note && { note: a.note }) });
  }
  for (const s of form.services) {
    const name = form.plan.services.find((p) => p.id === s.serviceId)?.name;
    if (name && s.needsHelp) out.push({ itemId: s.serviceId, itemText: name, trigger: "asked" });
  }
  return out;
}

/** What a correction newly asks: the supports `next` asks help with that the revision it replaces did not. */
export const newlyAsked = (next: Asked[], before: Asked[]) => next.filter((a) => !before.some((b) => b.itemId === a.itemId));
