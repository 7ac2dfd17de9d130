import { A } from "../router";
import { createResource, For, Show } from "solid-js";
import { api, call } from "../api";
import { lang, t } from "../i18n";
import "../strings/pages";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/staff";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { AccessDeniedContent } from "./not-found";
import { useSession } from "../session";
import { mapLimit } from "@fidelio/core/concurrency";
import { loadStudentFidelity, type StudentFidelity } from "../fidelity/data";
import { percent } from "../fidelity/summary";

/** Every caseload student's last ten weeks, five students at a time. */
async function loadCaseload() {
  const students: Array<{ id: string; name: string; relationship: string; can: { editIep: boolean } }> = [];
  let cursor = "";
  do {
    const page = await call(api.students.$get({ query: cursor ? { cursor } : {} }));
    students.push(...page.items.filter((s) => s.relationship === "case_manager"));
    cursor = page.cursor ?? "";
  } while (cursor);
  return mapLimit(students, 5, async (student) => {
    const [fidelity, detail] = await Promise.all([
      loadStudentFidelity(student.id, { period: "last10" }),
      call(api.students[":id"].$get({ param: { id: student.id } })),
    ]);
    // Those who provide something and have not acknowledged the IEP in effect (parents are not on the team).
    const unacknowledged = detail.iep ? detail.team.filter((m) => (m.role === "teacher" || m.role === "case_manager") && !m.acknowledgedAt) : [];
    return { student, fidelity, unacknowledged: unacknowledged.filter((m, i, all) => all.findIndex((o) => o.userId === m.userId) === i) };
  });
}

/**
 * Forms not recorded in a week, counted the way the API counts them: for each team member expected to
 * answer, an accommodation or service left without a form. The most any one item lacks is the number of
 * people who sent nothing.
 */
function missingForms(week: StudentFidelity["weeks"][number] | undefined) {
  if (!week) return 0;
  return Math.max(0, ...week.accommodations.map((a) => a.noRecord), ...week.services.map((s) => (s.required > 0 && !s.recorded ? 1 : 0)));
}

/** A case manager's caseload: missing forms this week and last, fidelity per student and accommodation, minutes owed per service. */
export function Caseload() {
  const session = useSession();
  usePageTitle(() => t("caseloadTitle"));
  return (
    <Show when={session.can("viewCaseload")} fallback={<AccessDeniedContent />}>
      <CaseloadPage />
    </Show>
  );
}

function CaseloadPage() {
  const [caseload, { refetch }] = createResource(loadCaseload);
  return (
    <>
      <h1>{t("caseloadTitle")}</h1>
      <p>{t("caseloadIntro")}</p>
      <Loaded resource={caseload} what={t("whatFidelity")} onRetry={refetch}>
        {(loaded) => (
          <Show when={loaded().length > 0} fallback={<p class="empty">{t("noCaseload")}</p>}>
            <For each={loaded()}>
              {(entry, i) => <StudentFidelityCard index={i()} student={entry.student} fidelity={entry.fidelity} unacknowledged={entry.unacknowledged} />}
            </For>
          </Show>
        )}
      </Loaded>
    </>
  );
}

interface CardProps {
  index: number;
  student: { id: string; name: string; can: { editIep: boolean } };
  fidelity: StudentFidelity;
  unacknowledged: Array<{ userId: string; name: string }>;
}

function StudentFidelityCard(props: CardProps) {
  // The totals come from the API (core's fidelity/minutes.ts), the very numbers the family's page shows.
  const supports = () => props.fidelity.accommodations;
  const services = () => props.fidelity.services;
  const weeks = () => props.fidelity.weeks;
  const id = () => `cl-${props.index}`;
  return (
    <section class="service-block" aria-labelledby={id()}>
      <h2 id={id()}>{props.student.name}</h2>
      <ul class="card-links">
        <li>
          <A href={`/students/${props.student.id}/fidelity`} aria-label={`${t("fidelityLink")}: ${props.student.name}`}>
            {t("fidelityLink")}
          </A>
        </li>
        <Show when={props.student.can.editIep}>
          <li>
            <A href={`/students/${props.student.id}/iep/new`} aria-label={`${t("editIep")}: ${props.student.name}`}>
              {t("editIep")}
            </A>
          </li>
        </Show>
      </ul>
      <p>
        <strong>{t("fidelityPercent", { percent: percent(props.fidelity.allAccommodations.percentOfReports, lang()) })}</strong> ·{" "}
        {t("missingThisWeek", { count: missingForms(weeks().at(-1)) })} · {t("missingLastWeek", { count: missingForms(weeks().at(-2)) })}
      </p>
      <p class={props.unacknowledged.length ? "owed" : "muted"}>
        {props.unacknowledged.length ? t("notAcknowledged", { names: props.unacknowledged.map((p) => p.name).join(", ") }) : t("allAcknowledged")}
      </p>
      <Show when={supports().length > 0}>
        <DataTable
          caption={t("caseloadSupports", { name: props.student.name })}
          rows={supports()}
          columns={[
            { label: t("colAccommodation"), rowHeader: true, cell: (item) => item.text },
            { label: t("colFidelity"), cell: (item) => t("percentOfReportsCell", { percent: percent(item.percentOfReports, lang()) }) },
            { label: t("supportNotProvided"), cell: (item) => item.notProvided },
            { label: t("supportNoForm"), cell: (item) => item.notRecorded },
          ]}
        />
      </Show>
      <Show when={services().length > 0}>
        <DataTable
          caption={t("caseloadMinutes", { name: props.student.name })}
          rows={services()}
          columns={[
            { label: t("colService"), rowHeader: true, cell: (service) => service.name },
            { label: t("colRequiredEnded"), cell: (service) => t("minutesUnit", { n: service.required }) },
            { label: t("colDelivered"), cell: (service) => t("minutesUnit", { n: service.delivered }) },
            { label: t("colPercentMinutes"), cell: (service) => t("percentOfMinutesCell", { percent: percent(service.percentOfMinutes, lang()) }) },
            { label: t("colNotRecorded"), cell: (service) => t("minutesUnit", { n: service.notRecorded.required }) },
            { label: t("colOwed"), cell: (service) => t("minutesUnit", { n: service.owed }), cellClass: (service) => (service.owed > 0 ? "owed" : undefined) },
          ]}
        />
      </Show>
    </section>
  );
}
