import { createResource, createSignal } from "solid-js";
import { api, call } from "../api";

export interface StudentFilters {
  q?: string;
  schoolId?: string;
  grade?: string;
  order?: "asc" | "desc";
}

const loadPage = (filters: StudentFilters, cursor: string) => {
  const query = Object.fromEntries(Object.entries({ ...filters, cursor }).filter(([, value]) => value));
  return call(api.students.$get({ query }));
};
export type StudentSummary = Awaited<ReturnType<typeof loadPage>>["items"][number];

/** The students the reader may see (filtered for a director), a page at a time; `loadMore` appends the next page. */
export function createStudentList(filters: () => StudentFilters = () => ({})) {
  // A cursor belongs to the filters it was read with: new filters start again from the first page.
  const [cursor, setCursor] = createSignal({ key: "", from: "" });
  const [items, setItems] = createSignal<StudentSummary[]>([]);
  const key = () => JSON.stringify(filters());
  const [page, { refetch }] = createResource(
    () => ({ filters: filters(), from: cursor().key === key() ? cursor().from : "" }),
    async ({ filters: current, from }) => {
      const result = await loadPage(current, from);
      setItems((earlier) => (from ? [...earlier, ...result.items] : result.items));
      return result;
    },
  );
  const nextCursor = () => (page.state === "ready" ? page()?.cursor : undefined);
  return {
    page,
    items,
    refetch,
    hasMore: () => !!nextCursor(),
    loadMore: () => {
      const next = nextCursor();
      if (next) setCursor({ key: key(), from: next });
    },
  };
}

export type StudentList = ReturnType<typeof createStudentList>;
