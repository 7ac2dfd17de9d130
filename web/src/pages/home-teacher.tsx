import { A } from "../router";
import { createResource, For, Show } from "solid-js";
import { api, call } from "../api";
import { t, tn } from "../i18n";
import "../strings/pages";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/staff";
import { formatGrade } from "../format-words";
import { Loaded } from "../components/loaded";

const loadClasses = () => call(api.students.classes.$get());
type ClassGroup = Awaited<ReturnType<typeof loadClasses>>["items"][number];

/** A teacher's students by class, each with what applies in that class: no need to open every record. */
export function TeacherHome(props: { hideWhenEmpty?: boolean }) {
  const [classes, { refetch }] = createResource(loadClasses);
  const empty = () => classes.state === "ready" && classes()!.items.length === 0;
  return (
    <Show when={!(props.hideWhenEmpty && empty())}>
      <section aria-labelledby="teacher-title">
        <h2 id="teacher-title">{t("teacherTitle")}</h2>
        <p>{t("teacherIntroClasses")}</p>
        <p class="notice">
          <A href="/fidelity">{t("weekFormsLink")}</A>
        </p>
        <Loaded resource={classes} what={t("whatClasses")} onRetry={refetch}>
          {(loaded) => (
            <Show when={loaded().items.length > 0} fallback={<p class="empty">{t("noTeacherStudents")}</p>}>
              <For each={loaded().items}>{(group) => <ClassSection group={group} />}</For>
            </Show>
          )}
        </Loaded>
      </section>
    </Show>
  );
}

function ClassSection(props: { group: ClassGroup }) {
  const id = () => `class-${props.group.id || "other"}`;
  const title = () => props.group.title || t("otherStudents");
  return (
    <section aria-labelledby={id()} class="class-group">
      <h3 id={id()}>{tn("classCount", props.group.students.length, { title: title() })}</h3>
      <ul class="class-students">
        <For each={props.group.students}>
          {(student) => (
            <li>
              <p class="class-student">
                <A href={`/students/${student.id}`}>{student.name}</A>
                <span class="muted"> · {formatGrade(student.grade)}</span>
              </p>
              <Show when={student.accommodations.length > 0} fallback={<p class="empty">{t("noAccommodationsHere")}</p>}>
                <ul class="accommodations" aria-label={t("accommodationsFor", { name: student.name })}>
                  <For each={student.accommodations}>{(a) => <li>{a.text}</li>}</For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
