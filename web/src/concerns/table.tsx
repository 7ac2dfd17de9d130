import { Show } from "solid-js";
import { lang, t } from "../i18n";
import "../strings/concerns";
import { formatDayInZone, formatInZone } from "../format";
import { DataTable, type Column } from "../components/data-table";
import { stateWords, type ConcernSummary } from "./data";
import { ConcernName, type Named } from "./name";

interface Props {
  items: ConcernSummary[];
  caption: string;
  timeZone: string;
  /** For the advocate: each concern's printable evidence packet. */
  showPacket?: boolean;
}

/** What the concern is about, opening it: its reference and subject (here, on the director's board and on home). */
export const concernColumn = <T extends Named>(): Column<T> => ({
  label: t("colConcern"),
  rowHeader: true,
  cell: (concern) => <ConcernName concern={concern} />,
});

/** The student the concern is about. */
export const studentColumn = <T extends Named>(): Column<T> => ({
  label: t("colStudent"),
  cell: (concern) => concern.studentName,
});

/** The advocate's extra column: a link to the concern's printable packet. */
const packetColumn = (): Column<ConcernSummary> => ({
  label: t("colPacket"),
  cell: (concern) => (
    <a
      href={`/api/concerns/${concern.id}/packet?lang=${lang()}`}
      aria-label={
        concern.reference ? t("packetForConcern", { reference: concern.reference, name: concern.studentName }) : t("packetFor", { name: concern.studentName })
      }
    >
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
        concernColumn(),
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
