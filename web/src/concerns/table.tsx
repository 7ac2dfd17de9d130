import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { t } from "../i18n";
import { formatDayInZone, formatInZone } from "../format";
import { stateWords, type ConcernSummary } from "./data";

interface Props {
  items: ConcernSummary[];
  caption: string;
  timeZone: string;
  /** For the advocate: each concern's printable evidence packet. */
  showPacket?: boolean;
}

/** Concerns as a table (stacked on phones): who, where it is, who has it, by when. */
export function ConcernTable(props: Props) {
  return (
    <table class="stacked">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("colStudent")}</th>
          <th scope="col">{t("colWhere")}</th>
          <th scope="col">{t("colAssignee")}</th>
          <th scope="col">{t("colDue")}</th>
          <th scope="col">{t("colOpened")}</th>
          <Show when={props.showPacket}>
            <th scope="col">{t("colPacket")}</th>
          </Show>
        </tr>
      </thead>
      <tbody>
        <For each={props.items}>
          {(concern) => (
            <tr>
              <td data-label={t("colStudent")}>
                <A href={`/concerns/${concern.id}`} aria-label={t("openConcernFor", { name: concern.studentName })}>
                  {concern.studentName}
                </A>
              </td>
              <td data-label={t("colWhere")}>{stateWords(concern)}</td>
              <td data-label={t("colAssignee")}>{concern.status === "closed" ? "—" : (concern.assignee?.name ?? t("nobodyYet"))}</td>
              <td data-label={t("colDue")}>
                {concern.dueAt && concern.status !== "closed" ? <time datetime={concern.dueAt}>{formatInZone(concern.dueAt, props.timeZone)}</time> : "—"}
                <Show when={concern.dueAt && concern.status !== "closed" && new Date(concern.dueAt).getTime() < Date.now()}>
                  {" "}
                  <span class="tag tag-warn">{t("overdue")}</span>
                </Show>
              </td>
              <td data-label={t("colOpened")}>{formatDayInZone(concern.createdAt, props.timeZone)}</td>
              <Show when={props.showPacket}>
                <td data-label={t("colPacket")}>
                  <a href={`/api/concerns/${concern.id}/packet`} aria-label={t("packetFor", { name: concern.studentName })}>
                    {t("packetLink")}
                  </a>
                </td>
              </Show>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
