import { A } from "../router";
import { createResource, For, Show } from "solid-js";
import { api, call, isStatus } from "../api";
import { t, type StringKey, tn } from "../i18n";
import "../strings/concerns";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/staff";
import "../strings/support";
import { formatDate } from "../format";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { addWeeks, weekStart } from "@fidelio/core/fidelity/week";
import { loadForms, loadOpenBefore, type FormSummary } from "../fidelity/data";

const statusText = (status: FormSummary["status"]) => t(`status.${status}` as StringKey);
const weekLabel = (week: string) => t("weekOf", { date: formatDate(weekStart(week)) });

/** This week's and last week's forms, and the class titles to group them under. */
async function loadWeek() {
  // The server names this week: the one holding the district's today, whatever the device's clock or zone says.
  const current = await loadForms();
  const thisWeek = current.week;
  const lastWeek = addWeeks(thisWeek, -1);
  // Class titles come from the teacher's class list; a case manager who only provides services has none.
  const titles = call(api.students.classes.$get()).catch((error) => (isStatus(error, 403) ? { items: [] } : Promise.reject(error)));
  // Forms still open from the weeks before last: "all submitted" is said only when none of them waits either.
  const [previous, classes, older] = await Promise.all([loadForms(lastWeek), titles, loadOpenBefore(lastWeek)]);
  return { thisWeek, lastWeek, current: current.items, previous: previous.items, older: older.items, classes: classes.items };
}
type Week = Awaited<ReturnType<typeof loadWeek>>;

interface Row {
  studentId: string;
  name: string;
  current?: FormSummary;
  previous?: FormSummary;
}

/** Students by class (a student in two classes is listed in both), each with this week's and last week's form. */
function groupByClass(week: Week) {
  const titles = new Map(week.classes.map((c) => [c.id, c.title]));
  const groups = new Map<string, Map<string, Row>>();
  const place = (form: FormSummary, which: "current" | "previous") => {
    for (const classId of form.classIds.length ? form.classIds : [""]) {
      const rows = groups.get(classId) ?? new Map<string, Row>();
      const row = rows.get(form.studentId) ?? { studentId: form.studentId, name: form.studentName };
      row[which] = form;
      rows.set(form.studentId, row);
      groups.set(classId, rows);
    }
  };
  for (const form of week.current) place(form, "current");
  for (const form of week.previous) place(form, "previous");
  return [...groups.entries()]
    .map(([id, rows]) => ({
      id,
      title: titles.get(id) || (id ? id : t("otherStudents")),
      rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => (a.id === "" ? 1 : b.id === "" ? -1 : a.title.localeCompare(b.title, "en", { numeric: true })));
}

/** A teacher's week: each class, each student, this week's and last week's form with its state. */
export function FidelityWeek() {
  usePageTitle(() => t("weekTitle"));
  const [week, { refetch }] = createResource(loadWeek);
  return (
    <>
      <h1>{t("weekTitle")}</h1>
      <p>{t("weekIntro")}</p>
      <Loaded resource={week} what={t("whatForms")} onRetry={refetch}>
        {(loaded) => <WeekView week={loaded()} />}
      </Loaded>
    </>
  );
}

function WeekView(props: { week: Week }) {
  const open = () => props.week.current.filter((f) => f.status !== "submitted").length;
  const earlier = () => props.week.previous.filter((f) => f.status !== "submitted").length + props.week.older.length;
  return (
    <Show when={props.week.current.length + props.week.previous.length + props.week.older.length > 0} fallback={<p class="empty">{t("noForms")}</p>}>
      <div class={open() + earlier() ? "notice" : "notice done"}>
        <Show when={open() + earlier() > 0} fallback={<p>{t("allDone")}</p>}>
          <Show when={open() > 0}>
            <p>{tn("formsOpenCount", open())}</p>
          </Show>
          <Show when={earlier() > 0}>
            <p>{tn("formsOpenEarlier", earlier())}</p>
          </Show>
        </Show>
      </div>
      <For each={groupByClass(props.week)}>
        {(group) => (
          <section class="class-group" aria-labelledby={`forms-${group.id || "other"}`}>
            <h2 id={`forms-${group.id || "other"}`}>{group.title}</h2>
            <Show when={group.id && group.rows.some((r) => r.current)}>
              <p>
                <A
                  class="button-link"
                  href={`/fidelity/classes/${encodeURIComponent(group.id)}/weeks/${props.week.thisWeek}`}
                  aria-label={t("classLinkLabel", { title: group.title, date: formatDate(weekStart(props.week.thisWeek)) })}
                >
                  {t("classLink")}
                </A>
              </p>
            </Show>
            <table class="forms-table stacked">
              <caption class="visually-hidden">{group.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colStudent")}</th>
                  <th scope="col">
                    {t("thisWeek")} <span class="detail">{weekLabel(props.week.thisWeek)}</span>
                  </th>
                  <th scope="col">
                    {t("lastWeek")} <span class="detail">{weekLabel(props.week.lastWeek)}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={group.rows}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.name}</th>
                      <td data-label={t("thisWeek")}>
                        <FormCell form={row.current} />
                      </td>
                      <td data-label={t("lastWeek")}>
                        <FormCell form={row.previous} />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        )}
      </For>
      <Show when={props.week.older.length > 0}>
        <OlderForms forms={props.week.older} />
      </Show>
    </Show>
  );
}

/** Forms still open from the weeks before last, newest week first. */
function OlderForms(props: { forms: FormSummary[] }) {
  return (
    <section class="class-group" aria-labelledby="forms-older">
      <h2 id="forms-older">{t("olderOpenTitle")}</h2>
      <table class="forms-table stacked">
        <caption class="visually-hidden">{t("olderOpenTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colStudent")}</th>
            <th scope="col">{t("colWeek")}</th>
            <th scope="col">{t("colFormState")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.forms}>
            {(form) => (
              <tr>
                <th scope="row">{form.studentName}</th>
                <td data-label={t("colWeek")}>{weekLabel(form.week)}</td>
                <td data-label={t("colFormState")}>
                  <FormCell form={form} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function FormCell(props: { form?: FormSummary }) {
  return (
    <Show when={props.form} fallback={<span class="muted">—</span>}>
      {(form) => (
        <A
          class={`form-state state-${form().status}`}
          href={`/fidelity/forms/${encodeURIComponent(form().id)}`}
          aria-label={t("formLink", { status: statusText(form().status), name: form().studentName, week: weekLabel(form().week) })}
        >
          {statusText(form().status)}
        </A>
      )}
    </Show>
  );
}
