import { For, Show } from "solid-js";
import type { PlanView } from "@fidelio/core/roster";
import { t, tCode, tRosterProblem } from "../i18n";
import "../strings/people";
import "../strings/codes";
import "../strings/roster";
import "../strings/staff";
import { DataTable } from "./data-table";

/** What an import would do, in words: counts, files read as delta, every role and link that ends by person, and the warnings. */
export function RosterPlan(props: { plan: PlanView }) {
  const deltaFiles = () =>
    Object.entries(props.plan.modes)
      .filter(([, mode]) => mode === "delta")
      .map(([file]) => file);
  return (
    <div class="stack">
      <p>{t("rosterPlanIntro")}</p>
      <p>{t("rosterPlanCounts", { created: props.plan.created, updated: props.plan.updated, unchanged: props.plan.unchanged, skipped: props.plan.skipped })}</p>
      <Show when={deltaFiles().length > 0}>
        <p>{t("rosterPlanDelta", { files: deltaFiles().join(", ") })}</p>
      </Show>
      <Show when={props.plan.rolesEnded.length > 0} fallback={<p>{t("rosterPlanNothingEnds")}</p>}>
        <p id="roster-plan-ends">
          {t("rosterPlanEnds", { roles: props.plan.endingRoles, links: props.plan.endingLinks, people: props.plan.rolesEnded.length })}
        </p>
        <ul aria-labelledby="roster-plan-ends">
          <For each={props.plan.rolesEnded}>
            {(person) => (
              <li>
                {[
                  person.name,
                  person.roles.length > 0 ? t("rosterPlanPersonRoles", { roles: person.roles.map((role) => tCode("role", role)).join(", ") }) : "",
                  person.links.length > 0
                    ? t("rosterPlanPersonLinks", { students: person.links.map((link) => `${link.studentName} (${tCode("role", link.kind)})`).join(", ") })
                    : "",
                ]
                  .filter(Boolean)
                  .join(" — ")}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.plan.warnings.length > 0}>
        <RosterProblemTable caption={t("rosterWarningsCaption")} rows={props.plan.warnings} />
      </Show>
    </div>
  );
}

type RosterProblemRow = Parameters<typeof tRosterProblem>[0] & { file: string; line: number; field: string };

/** Problems or warnings of an upload, by file and line (line 0: the file as a whole). */
export function RosterProblemTable(props: { caption: string; rows: RosterProblemRow[] }) {
  return (
    <DataTable
      caption={props.caption}
      rows={props.rows}
      columns={[
        { label: t("colFile"), cell: (row) => row.file },
        { label: t("colLine"), cell: (row) => (row.line > 0 ? row.line : "") },
        { label: t("colField"), cell: (row) => row.field },
        { label: t("colMessage"), cell: (row) => tRosterProblem(row) },
      ]}
    />
  );
}
