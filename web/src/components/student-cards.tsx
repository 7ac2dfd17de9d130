import { A } from "../router";
import { For, Show } from "solid-js";
import { t } from "../i18n";
import "../strings/pages";
import { gradeAndSchool } from "../format-words";
import type { StudentList, StudentSummary } from "./student-list";

interface Props {
  list: StudentList;
  students: StudentSummary[];
  empty: string;
  /** h2 when the cards sit right under the page heading, h3 under a section heading. */
  heading: "h2" | "h3";
  showRelationship?: boolean;
}

export function StudentCards(props: Props) {
  return (
    <Show when={props.students.length > 0} fallback={<p class="empty">{props.empty}</p>}>
      <ul class="cards">
        <For each={props.students}>
          {(student) => (
            <li class="card">
              {/* Not <Dynamic>: with a tag name it spreads its props, which brings Solid's tables of every DOM property into the entry. */}
              {props.heading === "h2" ? <h2 class="card-title">{student.name}</h2> : <h3 class="card-title">{student.name}</h3>}
              <p class="muted">{gradeAndSchool(student)}</p>
              <Show when={props.showRelationship}>
                <p class="tag">{t(`relationship.${student.relationship}`)}</p>
              </Show>
              <ul class="card-links">
                <li>
                  <A href={`/students/${student.id}`} aria-label={`${t("openIep")}: ${student.name}`}>
                    {t("openIep")}
                  </A>
                </li>
                <Show when={student.can.viewFidelity}>
                  <li>
                    <A href={`/students/${student.id}/fidelity`} aria-label={`${t("fidelityLink")}: ${student.name}`}>
                      {t("fidelityLink")}
                    </A>
                  </li>
                </Show>
                <Show when={student.can.fileConcern}>
                  <li>
                    <A href={`/students/${student.id}/concern`} aria-label={`${t("raiseConcern")}: ${student.name}`}>
                      {t("raiseConcern")}
                    </A>
                  </li>
                </Show>
                <Show when={student.can.viewAudit}>
                  <li>
                    <A href={`/students/${student.id}/audit`} state={{ name: student.name }} aria-label={`${t("whoViewedLink")}: ${student.name}`}>
                      {t("whoViewedLink")}
                    </A>
                  </li>
                </Show>
              </ul>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.list.hasMore()}>
        <button type="button" class="button-secondary" onClick={() => props.list.loadMore()}>
          {t("showMore")}
        </button>
      </Show>
    </Show>
  );
}
