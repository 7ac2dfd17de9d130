import { t } from "../i18n";

/**
 * The weeks an accommodation was not given in full, by answer, naming only the answers that occurred
 * ("Partly: 2 · Not provided: 1"): one line, so the fidelity page and the IEP review say it alike.
 */
export const missTally = (counts: { partly: number; notProvided: number; notApplicable: number; notRecorded: number }) =>
  (
    [
      [t("supportPartly"), counts.partly],
      [t("supportNotProvided"), counts.notProvided],
      [t("supportNotApplicable"), counts.notApplicable],
      [t("supportNoForm"), counts.notRecorded],
    ] as const
  )
    .filter(([, n]) => n)
    .map(([label, n]) => `${label}: ${n}`)
    .join(" · ");
