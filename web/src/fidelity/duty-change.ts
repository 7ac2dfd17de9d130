import type { DutyChange } from "@fidelio/core/iep/duties";
import { dutyChangeLine as inLanguage } from "@fidelio/core/iep/duty-kinds";
import { lang } from "../i18n";

export type { DutyChange };

/** One line for an IEP change in the reader's language: the catalog's words, as the amendment email says it. */
export const dutyChangeLine = (change: DutyChange): string => inLanguage(lang(), change);
