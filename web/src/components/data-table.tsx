import { createMemo, For, Show, type JSX } from "solid-js";

export interface Column<T> {
  /** The column's heading, and on a stacked table each cell's label on a phone. */
  label: string;
  cell: (row: T) => JSX.Element;
  /** The cell names its row (`<th scope="row">`), so a screen reader announces it with every other cell. */
  rowHeader?: boolean;
  /** A class for this column's cell in one row, such as "owed" when minutes are owed. */
  cellClass?: (row: T) => string | undefined;
}

/**
 * What names the table: its own caption, or (`labelledBy`) the id of the heading just above it, so a
 * screen reader hears the name once rather than as a heading and again as a caption.
 */
type Name = { caption: JSX.Element; captionClass?: string; labelledBy?: undefined } | { labelledBy: string; caption?: undefined; captionClass?: undefined };

type Props<T> = Name & {
  /** "stacked" (the default) turns each row into a labelled block on a phone; "compact" is a narrow two-column table. */
  class?: "stacked" | "compact";
  id?: string;
  /**
   * Pass the columns inline (`columns={[{ label: t("colSchool"), … }]}`), not as a constant made once:
   * Solid then reads them again when the language changes, so headings and labels follow it.
   */
  columns: Array<Column<T>>;
  rows: T[];
};

/** A caption, one heading per column and a row per item: the shape every list table in the app shares. */
export function DataTable<T>(props: Props<T>) {
  // Read once per change (a language switch), not once per row.
  const columns = createMemo(() => props.columns);
  const tableClass = () => props.class ?? "stacked";
  // Only a stacked table's cells show their label (styles.css, phone width); a compact one never stacks.
  const label = (column: Column<T>) => (tableClass() === "stacked" ? column.label : undefined);
  return (
    <table class={tableClass()} id={props.id} aria-labelledby={props.labelledBy}>
      <Show when={!props.labelledBy}>
        <caption class={props.captionClass}>{props.caption}</caption>
      </Show>
      <thead>
        <tr>
          <For each={columns()}>{(column) => <th scope="col">{column.label}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <For each={columns()}>
                {(column) =>
                  column.rowHeader ? (
                    <th scope="row" class={column.cellClass?.(row)}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td data-label={label(column)} class={column.cellClass?.(row)}>
                      {column.cell(row)}
                    </td>
                  )
                }
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
