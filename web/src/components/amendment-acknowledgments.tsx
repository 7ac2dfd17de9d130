import { For, Show } from "solid-js";
import { t, tCode } from "../i18n";
import "../strings/people";
import "../strings/codes";
import "../strings/fidelity";
import "../strings/fidelity-view";
import { formatDate, formatDateTime } from "../format";
import { useSession } from "../session";
import type { StudentDetail } from "../pages/student";

/** For the IEP's editors: whom the latest version gave new duties, and who of them has acknowledged it. */
export function AmendmentAcknowledgments(props: { amendment: NonNullable<StudentDetail["amendment"]> }) {
  return (
    <section aria-labelledby="amendment-title">
      <h2 id="amendment-title">{t("amendmentTitle", { version: props.amendment.version })}</h2>
      <Show when={props.amendment.members.length > 0} fallback={<p class="empty">{t("amendmentNobody", { version: props.amendment.version })}</p>}>
        <p>{t("amendmentIntro", { version: props.amendment.version, date: formatDate(props.amendment.effectiveFrom) })}</p>
        <ul class="plain-list">
          <For each={props.amendment.members}>
            {(member) => (
              <li>
                <strong>{member.name}</strong> · {tCode("role", member.role)} ·{" "}
                <span class={member.acknowledgedAt ? undefined : "owed"}>
                  {member.acknowledgedAt
                    ? t("acknowledgedOn", { when: formatDateTime(member.acknowledgedAt, useSession().me()?.district.timeZone ?? "America/Los_Angeles") })
                    : t("notYetAcknowledged")}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
