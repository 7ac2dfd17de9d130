import { useSearchParams } from "../router";
import { createResource, For } from "solid-js";
import { t } from "../i18n";
import "../strings/pages";
import "../strings/staff";
import { formatGrade } from "../format-words";
import { Loaded } from "../components/loaded";
import { StudentTable } from "../components/student-table";
import { createStudentList, type StudentFilters } from "../components/student-list";
import { loadSchools } from "./home-director";

/** OneRoster grade codes, youngest first. */
const grades = ["PK", "KG", ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"))];

/**
 * The district's students for a director or admin: search by name, filter by school and grade, sort
 * by name; every change is a new request to the API, a page at a time, and lives in the address so
 * a school row's link, Back and a shared link all show the same list.
 */
export function DistrictStudents() {
  const [params, setParams] = useSearchParams<{ q?: string; school?: string; grade?: string; order?: string }>();
  const [schools] = createResource(loadSchools);
  const filters = (): StudentFilters => ({
    q: params.q || undefined,
    schoolId: params.school || undefined,
    grade: params.grade || undefined,
    order: params.order === "desc" ? "desc" : undefined,
  });
  const list = createStudentList(filters);
  let q!: HTMLInputElement;
  let school!: HTMLSelectElement;
  let grade!: HTMLSelectElement;
  let order!: HTMLSelectElement;

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    setParams({ q: q.value.trim() || undefined, school: school.value || undefined, grade: grade.value || undefined, order: order.value || undefined });
  };
  const clear = () => setParams({ q: undefined, school: undefined, grade: undefined, order: undefined });
  const schoolName = () => schools()?.items.find((s) => s.id === params.school)?.name;

  return (
    <>
      <p>{t("districtStudentsIntro")}</p>
      <form role="search" aria-label={t("searchStudents")} class="filters" onSubmit={apply}>
        <div class="field grow">
          <label for="student-search">{t("searchLabel")}</label>
          <input ref={q} id="student-search" type="search" autocomplete="off" value={params.q ?? ""} aria-describedby="student-search-hint" />
          <p id="student-search-hint" class="hint">
            {t("searchHint")}
          </p>
        </div>
        <div class="field">
          <label for="school-filter">{t("colSchool")}</label>
          <select ref={school} id="school-filter" value={params.school ?? ""}>
            <option value="">{t("allSchools")}</option>
            <For each={schools()?.items ?? []}>
              {(s) => (
                <option value={s.id} selected={s.id === params.school}>
                  {s.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="grade-filter">{t("colGrade")}</label>
          <select ref={grade} id="grade-filter" value={params.grade ?? ""}>
            <option value="">{t("allGrades")}</option>
            <For each={grades}>
              {(g) => (
                <option value={g} selected={g === params.grade}>
                  {formatGrade(g)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="order-filter">{t("sortLabel")}</label>
          <select ref={order} id="order-filter" value={params.order ?? ""}>
            <option value="">{t("sortAZ")}</option>
            <option value="desc" selected={params.order === "desc"}>
              {t("sortZA")}
            </option>
          </select>
        </div>
        <div class="button-row">
          <button type="submit">{t("search")}</button>
          <button type="button" class="button-secondary" onClick={clear}>
            {t("clearFilters")}
          </button>
        </div>
      </form>
      <Loaded resource={list.page} what={t("whatStudents")} onRetry={list.refetch}>
        {() => (
          <StudentTable
            list={list}
            students={list.items()}
            filtered={!!(params.q || params.school || params.grade)}
            schoolName={schoolName()}
            order={params.order === "desc" ? "desc" : "asc"}
            onSortByName={(order) => setParams({ order: order === "desc" ? "desc" : undefined })}
          />
        )}
      </Loaded>
    </>
  );
}
