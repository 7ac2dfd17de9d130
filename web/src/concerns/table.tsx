import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { lang, t } from "../i18n";
import { formatDayInZone, formatInZone } from "../format";
import { DataTable, type Column } from "../components/data-table";
import { stateWords, type ConcernSummary } from "./data";

interface Props {
  items: ConcernSummary[];
  caption: string;
  timeZone: string;
  /** For the advocate: each concern's printable evidence packet. */
  showPacket?: boolean;
}

/** The student's name, opening the concern (here and on the director's board). */
export const studentColumn = <T extends { id: string; studentName: string }>(): Column<T> => ({
  label: t("colStudent"),
  cell: (concern) => (
    <A href={`/concerns/${concern.id}`} aria-label={t("openConcernFor", { name: concern.studentName })}>
      {concern.studentName}
    </A>
  ),
});

/** The advocate's extra column: a link to the concern's printable packet. */
const packetColumn = (): Column<ConcernSummary> => ({
  label: t("colPacket"),
  cell: (concern) => (
    <a href={`/api/concerns/${concern.id}/packet?lang=${lang()}`} aria-label={t("packetFor", { name: concern.studentName })}>
      {t("packetLink")}
    </a>
  ),
});

/** Concerns as a table (stacked on phones): who, where it is, who has it, by when. */
export function ConcernTable(props: Props) {
  return (
    <DataTable
      caption={props.caption}
      rows={props.items}
      columns={[
        studentColumn(),
        { label: t("colWhere"), cell: (concern) => stateWords(concern) },
        { label: t("colAssignee"), cell: (concern) => (concern.status === "closed" ? "—" : (concern.assignee?.name ?? t("nobodyYet"))) },
        {
          label: t("colDue"),
          cell: (concern) => (
            <>
              {concern.dueAt && concern.status !== "closed" ? <time datetime={concern.dueAt}>{formatInZone(concern.dueAt, props.timeZone)}</time> : "—"}
              <Show when={concern.dueAt && concern.status !== "closed" && new Date(concern.dueAt).getTime() < Date.now()}>
                {" "}
                <span class="tag tag-warn">{t("overdue")}</span>
              </Show>
            </>
          ),
        },
        { label: t("colOpened"), cell: (concern) => formatDayInZone(concern.createdAt, props.timeZone) },
        ...(props.showPacket ? [packetColumn()] : []),
      ]}
    />
  );
}
