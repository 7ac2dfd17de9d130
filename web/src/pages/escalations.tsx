import { createResource, createSignal, For, Show } from "solid-js";
import { t, tn } from "../i18n";
import "../strings/concerns";
import "../strings/concern-board";
import "../strings/staff";
import { formatInZone } from "../format";
import { formatDuration, formatSince } from "../format-words";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Loaded } from "../components/loaded";
import { DataTable } from "../components/data-table";
import { concernColumn, studentColumn } from "../concerns/table";
import { ConcernSearch } from "../concerns/search";
import { AccessDeniedContent } from "./not-found";
import { loadSchools } from "./home-director";
import { levelName } from "../concerns/data";
import { BoardClocks } from "../concerns/board-clocks";
import { BoardMakeUp } from "../rights/board-make-up";
import { boardLevels, boardOrder, loadBoard, type BoardFilters, type BoardItem, type EscalationBoard } from "../concerns/board-data";

/** The director's escalation board: every open concern by level and deadline, and how the district keeps up. */
export function Escalations() {
  const session = useSession();
  usePageTitle(() => t("boardTitle"));
  return (
    <Show when={session.can("viewEscalationBoard")} fallback={<AccessDeniedContent />}>
      <Board />
    </Show>
  );
}

function Board() {
  const session = useSession();
  const timeZone = () => session.me()?.district.timeZone ?? "America/Los_Angeles";
  const [schools] = createResource(loadSchools);
  const [filters, setFilters] = createSignal<BoardFilters>({ schoolId: "", level: "", q: "" });
  // A cursor belongs to the filters it was read with: new filters start again from the first page.
  const [cursor, setCursor] = createSignal({ filters: filters(), from: "" });
  const [items, setItems] = createSignal<BoardItem[]>([]);
  const [board, { refetch }] = createResource(
    () => ({ filters: filters(), from: cursor().filters === filters() ? cursor().from : "" }),
    async ({ filters: current, from }) => {
      const result = await loadBoard(current, from);
      setItems((earlier) => (from ? [...earlier, ...result.open.items] : result.open.items));
      return result;
    },
  );
  const change = (patch: Partial<BoardFilters>) => setFilters({ ...filters(), ...patch });
  const next = () => (board.state === "ready" ? board()?.open.cursor : undefined);
  return (
    <>
      <h1>{t("boardTitle")}</h1>
      <p>{t("boardIntro")}</p>
      <form class="filters" aria-label={t("boardFilters")} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="board-school">{t("colSchool")}</label>
          <select id="board-school" onChange={(e) => change({ schoolId: e.currentTarget.value })}>
            <option value="">{t("allSchools")}</option>
            <For each={schools.state === "ready" ? schools()!.items : []}>
              {(school) => (
                <option value={school.id} selected={school.id === filters().schoolId}>
                  {school.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="board-level">{t("levelLabel")}</label>
          <select id="board-level" onChange={(e) => change({ level: e.currentTarget.value as BoardFilters["level"] })}>
            <option value="">{t("allLevels")}</option>
            <For each={boardLevels}>{(level) => <option value={level}>{levelName(level)}</option>}</For>
          </select>
        </div>
      </form>
      <ConcernSearch id="board-search" onSearch={(q) => change({ q })} />
      <Loaded resource={board} what={t("whatBoard")} onRetry={refetch}>
        {(loaded) => (
          <>
            <Totals board={loaded()} />
            <BoardClocks clocks={loaded().clocksEndingSoon} />
            <BoardClocks clocks={loaded().openRecordsRequests} records />
            <BoardMakeUp plans={loaded().overdueMakeUp} />
            <section aria-labelledby="open-title">
              <h2 id="open-title">{t("openByLevelCaption")}</h2>
              <p role="status" class="muted">
                {tn("boardShown", items().length)}
              </p>
              <Show when={items().length > 0} fallback={<p class="empty">{t("noOpenConcerns")}</p>}>
                <OpenTable items={[...items()].sort(boardOrder)} timeZone={timeZone()} labelledBy="open-title" />
              </Show>
              <Show when={next()}>
                {(from) => (
                  <button type="button" class="button-secondary" onClick={() => setCursor({ filters: filters(), from: from() })}>
                    {t("showMoreConcerns")}
                  </button>
                )}
              </Show>
            </section>
            <section aria-labelledby="resolved-title">
              <h2 id="resolved-title">{t("resolvedTitle")}</h2>
              <p>{tn("resolvedCount", loaded().resolvedLast30Days.count)}</p>
              <p>
                {loaded().resolvedLast30Days.medianHoursToResolution === null
                  ? t("medianNone")
                  : t("medianTime", { duration: formatDuration(loaded().resolvedLast30Days.medianHoursToResolution!) })}
              </p>
            </section>
            <Missed board={loaded()} />
          </>
        )}
      </Loaded>
    </>
  );
}

function Totals(props: { board: EscalationBoard }) {
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title">{t("totalsTitle")}</h2>
      {/* Named by the heading above it: one name, heard once. */}
      <table class="compact" aria-labelledby="totals-title">
        <tbody>
          <tr>
            <th scope="row">{t("totalOpen")}</th>
            <td>{props.board.totals.open}</td>
          </tr>
          <tr>
            <th scope="row">{t("totalOverdue")}</th>
            <td>{props.board.totals.overdue}</td>
          </tr>
          <For each={boardLevels}>
            {(level) => (
              <tr>
                <th scope="row">{levelName(level)}</th>
                <td>{props.board.totals.byLevel[level] ?? 0}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

/** The open concerns, named by the section's heading (`labelledBy`) rather than a caption repeating it. */
function OpenTable(props: { items: BoardItem[]; timeZone: string; labelledBy: string }) {
  return (
    <DataTable
      labelledBy={props.labelledBy}
      rows={props.items}
      columns={[
        concernColumn(),
        studentColumn(),
        { label: t("colSchool"), cell: (item) => item.schoolName },
        {
          label: t("colLevel"),
          cell: (item) => (
            <>
              {levelName(item.level)}
              <span class="detail">{t(`status.${item.status}` as "status.open")}</span>
            </>
          ),
        },
        { label: t("colAssignee"), cell: (item) => item.assignee?.name ?? t("nobodyYet") },
        {
          label: t("colDue"),
          cell: (item) => (
            <>
              {item.dueAt ? <time datetime={item.dueAt}>{formatInZone(item.dueAt, props.timeZone)}</time> : "—"}
              <Show when={item.overdue}>
                {" "}
                <span class="tag tag-warn">{t("overdue")}</span>
              </Show>
            </>
          ),
        },
        { label: t("colTimeOpen"), cell: (item) => formatSince(item.openedAt) },
        { label: t("colTimeAtLevel"), cell: (item) => formatSince(item.levelSince) },
      ]}
    />
  );
}

function Missed(props: { board: EscalationBoard }) {
  return (
    <section aria-labelledby="missed-title">
      <h2 id="missed-title">{t("missedTitle")}</h2>
      <Show when={props.board.missedDeadlinesBySchool.length > 0} fallback={<p class="empty">{t("noMissed")}</p>}>
        <DataTable
          class="compact"
          caption={t("missedCaption")}
          rows={props.board.missedDeadlinesBySchool}
          columns={[
            { label: t("colSchool"), rowHeader: true, cell: (row) => row.schoolName },
            { label: t("colMissed"), cell: (row) => row.count },
          ]}
        />
      </Show>
    </section>
  );
}
