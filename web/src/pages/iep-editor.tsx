import { A, useParams } from "../router";
import { createResource, createSignal, For, Index, Show, type JSX } from "solid-js";
import { createStore } from "solid-js/store";
import * as v from "valibot";
import { IepUpdate } from "@fidelio/core/iep/schema";
import { problemsOf } from "@fidelio/core/problem";
import { api, ApiError, call, type FieldErrors, type Problem } from "../api";
import { t, tProblem, type StringKey } from "../i18n";
import "../strings/pages";
import "../strings/codes";
import "../strings/fidelity";
import "../strings/fidelity-view";
import "../strings/staff";
import { usePageTitle } from "../components/page-title";
import { errorText, Loaded } from "../components/loaded";
import { Field, fieldId } from "../components/field";
import { Alert } from "../components/status";
import { AccessDeniedContent } from "./not-found";
import { saveIep } from "../fidelity/data";
import { districtToday } from "@fidelio/core/clock";
import { useSession } from "../session";

const loadStudent = (id: string) => call(api.students[":id"].$get({ param: { id } }));
type Detail = Awaited<ReturnType<typeof loadStudent>>;

interface Draft {
  effectiveFrom: string;
  accommodations: Array<{ id: string; text: string; everywhere: boolean; classIds: string[] }>;
  modifications: Array<{ id: string; text: string }>;
  services: Array<{ id: string; name: string; minutes: string; providerRole: string; providerId: string }>;
  goals: Array<{ id: string; area: string; text: string }>;
}

const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** The editor starts from the version in effect, from today on the district's calendar: an amendment usually changes a line or two. */
function draftOf(detail: Detail, today: string): Draft {
  const iep = detail.iep;
  return {
    effectiveFrom: today,
    accommodations: (iep?.accommodations ?? []).map((a) => ({ id: a.id, text: a.text, everywhere: !a.classIds, classIds: a.classIds ?? [] })),
    modifications: (iep?.modifications ?? []).map((m) => ({ id: m.id, text: m.text })),
    services: (iep?.services ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      minutes: String(s.minutesPerWeek),
      providerRole: s.providerRole,
      providerId: s.providerId ?? "",
    })),
    goals: (iep?.goals ?? []).map((g) => ({ id: g.id, area: g.area, text: g.text })),
  };
}

const payloadOf = (draft: Draft, version: number) => ({
  effectiveFrom: draft.effectiveFrom,
  accommodations: draft.accommodations.map((a) => ({ id: a.id, text: a.text, ...(a.everywhere ? {} : { classIds: a.classIds }) })),
  modifications: draft.modifications.map((m) => ({ ...m })),
  services: draft.services.map((s) => ({
    id: s.id,
    name: s.name,
    minutesPerWeek: Number(s.minutes),
    providerRole: s.providerRole,
    ...(s.providerId ? { providerId: s.providerId } : {}),
  })),
  goals: draft.goals.map((g) => ({ ...g })),
  version,
});

const messages = (problems: Problem[]): FieldErrors => {
  const fields: FieldErrors = {};
  for (const problem of problems) (fields[problem.field] ??= []).push(tProblem(problem));
  return fields;
};

export function IepEditor() {
  const params = useParams<{ id: string }>();
  const [detail, { refetch }] = createResource(() => params.id, loadStudent);
  return (
    <Loaded resource={detail} what={t("whatRecord")} onRetry={refetch}>
      {(loaded) => (
        <Show when={loaded().can.editIep} fallback={<AccessDeniedContent />}>
          <Show when={loaded()} keyed>
            {(d) => <EditorForm detail={d} reload={refetch} />}
          </Show>
        </Show>
      )}
    </Loaded>
  );
}

/** One list of the IEP: each item a small fieldset, added and removed in place. */
function Items<T>(props: {
  title: StringKey;
  legend: StringKey;
  items: T[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  children: (item: T, i: number) => JSX.Element;
}) {
  return (
    <section class="iep-part">
      <h2>{t(props.title)}</h2>
      <ol class="closures">
        <Index each={props.items}>
          {(item, i) => (
            <li>
              <fieldset class="closure">
                <legend>{t(props.legend, { n: i + 1 })}</legend>
                {props.children(item(), i)}
                <button type="button" class="button-secondary" onClick={() => props.onRemove(i)}>
                  {t("remove", { what: t(props.legend, { n: i + 1 }) })}
                </button>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>
      <button type="button" class="button-secondary" onClick={props.onAdd}>
        {`${t("add")}: ${t(props.title).toLowerCase()}`}
      </button>
    </section>
  );
}

function EditorForm(props: { detail: Detail; reload: () => void }) {
  const student = () => props.detail.student;
  usePageTitle(() => t("iepEditorTitle", { name: student().name }));
  const session = useSession();
  const [draft, setDraft] = createStore<Draft>(draftOf(props.detail, districtToday(session.me()?.district ?? {})));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [outcome, setOutcome] = createSignal<"saved" | "invalid" | "stale" | "failed">();
  const [failure, setFailure] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [notified, setNotified] = createSignal<string[]>([]);
  const classes = () => {
    const all = new Map<string, string>();
    for (const member of props.detail.team) for (const c of member.classes ?? []) all.set(c.id, c.title);
    return [...all.entries()].map(([id, title]) => ({ id, title }));
  };
  const staff = () => props.detail.team;
  const field = (label: StringKey, path: string, value: string, onValue: (v: string) => void, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      label={t(label)}
      path={path}
      errors={errors()}
      value={value}
      onValue={onValue}
      type={extra.type}
      inputmode={extra.inputmode}
      min={extra.min}
      max={extra.max}
      step={extra.step}
      maxLength={extra.maxLength}
      hint={extra.hint}
      class={extra.class}
      multiline={extra.multiline}
    />
  );

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setOutcome(undefined);
    const payload = payloadOf(draft, props.detail.iep?.version ?? 0);
    const checked = v.safeParse(IepUpdate, payload);
    if (!checked.success) return invalid(problemsOf(checked.issues));
    setBusy(true);
    try {
      const saved = await saveIep(student().id, checked.output);
      setNotified(saved.notified.map((m) => m.name));
      setErrors({});
      setOutcome("saved");
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) invalid(error.problems);
      else if (error instanceof ApiError && error.status === 409) setOutcome("stale");
      else {
        setFailure(errorText(error));
        setOutcome("failed");
      }
    } finally {
      setBusy(false);
    }
  }
  const invalid = (problems: Problem[]) => {
    const fields = messages(problems);
    setErrors(fields);
    setOutcome("invalid");
    const first = Object.keys(fields)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  return (
    <>
      <p>
        <A href={`/students/${student().id}`}>{t("backToStudent", { name: student().name })}</A>
      </p>
      <h1>{t("iepEditorTitle", { name: student().name })}</h1>
      <p>{t("iepEditorIntro")}</p>
      <form class="stack iep-editor" onSubmit={save} novalidate>
        <Show when={outcome() === "invalid"}>
          <Alert>{t("fixFields")}</Alert>
        </Show>
        {field("effectiveFrom", "effectiveFrom", draft.effectiveFrom, (value) => setDraft("effectiveFrom", value), { type: "date", class: "short" })}
        <Items
          title="accommodations"
          legend="accommodationN"
          items={draft.accommodations}
          onAdd={() => setDraft("accommodations", (l) => [...l, { id: newId("acc"), text: "", everywhere: true, classIds: [] }])}
          onRemove={(i) => setDraft("accommodations", (l) => l.filter((_, j) => j !== i))}
        >
          {(item, i) => (
            <>
              {field("itemText", `accommodations.${i}.text`, item.text, (value) => setDraft("accommodations", i, "text", value), {
                multiline: true,
                maxLength: 300,
                class: "grow",
              })}
              <fieldset class="plain applies">
                <legend>{t("appliesWhere")}</legend>
                <label class="check">
                  <input
                    type="radio"
                    name={`applies-${item.id}`}
                    checked={item.everywhere}
                    onChange={() => setDraft("accommodations", i, "everywhere", true)}
                  />
                  {t("appliesAll")}
                </label>
                <label class="check">
                  <input
                    type="radio"
                    name={`applies-${item.id}`}
                    checked={!item.everywhere}
                    onChange={() => setDraft("accommodations", i, "everywhere", false)}
                  />
                  {t("appliesListed")}
                </label>
                <Show when={!item.everywhere}>
                  <For each={classes()}>
                    {(c) => (
                      <label class="check indent">
                        <input
                          type="checkbox"
                          checked={item.classIds.includes(c.id)}
                          onChange={(e) =>
                            setDraft("accommodations", i, "classIds", (ids) => (e.currentTarget.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))
                          }
                        />
                        {c.title}
                      </label>
                    )}
                  </For>
                </Show>
              </fieldset>
            </>
          )}
        </Items>
        <Items
          title="modifications"
          legend="modificationN"
          items={draft.modifications}
          onAdd={() => setDraft("modifications", (l) => [...l, { id: newId("mod"), text: "" }])}
          onRemove={(i) => setDraft("modifications", (l) => l.filter((_, j) => j !== i))}
        >
          {(item, i) =>
            field("itemText", `modifications.${i}.text`, item.text, (value) => setDraft("modifications", i, "text", value), {
              multiline: true,
              maxLength: 300,
              class: "grow",
            })
          }
        </Items>
        <Items
          title="services"
          legend="serviceN"
          items={draft.services}
          onAdd={() => setDraft("services", (l) => [...l, { id: newId("svc"), name: "", minutes: "", providerRole: "", providerId: "" }])}
          onRemove={(i) => setDraft("services", (l) => l.filter((_, j) => j !== i))}
        >
          {(item, i) => (
            <>
              {field("serviceName", `services.${i}.name`, item.name, (value) => setDraft("services", i, "name", value), { maxLength: 120, class: "grow" })}
              {field("minutesWeek", `services.${i}.minutesPerWeek`, item.minutes, (value) => setDraft("services", i, "minutes", value), {
                type: "number",
                inputmode: "numeric",
                min: 1,
                max: 3000,
                class: "short",
              })}
              {field("providerRole", `services.${i}.providerRole`, item.providerRole, (value) => setDraft("services", i, "providerRole", value), {
                maxLength: 80,
              })}
              <div class="field">
                <label for={`provider-${item.id}`}>{t("provider")}</label>
                <select id={`provider-${item.id}`} value={item.providerId} onChange={(e) => setDraft("services", i, "providerId", e.currentTarget.value)}>
                  <option value="">{t("providerUnnamed")}</option>
                  <For each={staff()}>{(member) => <option value={member.userId}>{member.name}</option>}</For>
                </select>
              </div>
            </>
          )}
        </Items>
        <Items
          title="goals"
          legend="goalN"
          items={draft.goals}
          onAdd={() => setDraft("goals", (l) => [...l, { id: newId("gol"), area: "", text: "" }])}
          onRemove={(i) => setDraft("goals", (l) => l.filter((_, j) => j !== i))}
        >
          {(item, i) => (
            <>
              {field("goalArea", `goals.${i}.area`, item.area, (value) => setDraft("goals", i, "area", value), { maxLength: 80 })}
              {field("itemText", `goals.${i}.text`, item.text, (value) => setDraft("goals", i, "text", value), {
                multiline: true,
                maxLength: 600,
                class: "grow",
              })}
            </>
          )}
        </Items>
        <Show when={outcome() === "stale"}>
          <div class="alert" role="alert">
            <p>{t("staleIep")}</p>
            <button type="button" onClick={() => props.reload()}>
              {t("reload")}
            </button>
          </div>
        </Show>
        <Show when={outcome() === "failed"}>
          <Alert>{failure()}</Alert>
        </Show>
        <p role="status">
          {outcome() === "saved" ? [t("iepSaved"), ...(notified().length ? [t("iepNotified", { names: notified().join(", ") })] : [])].join(" ") : ""}
        </p>
        <Show when={outcome() !== "saved"} fallback={<A href={`/students/${student().id}`}>{t("backToStudent", { name: student().name })}</A>}>
          <button type="submit" disabled={busy()}>
            {busy() ? t("saving") : t("saveIep")}
          </button>
        </Show>
      </form>
    </>
  );
}
