import { createSignal } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { api, ApiError, call } from "../api";
import { errorText } from "../components/loaded";
import { createAutosave } from "./autosave";
import { loadForm, saveForm } from "./data";
import { draftOf, payloadOf, type FormDraft } from "./form-draft";

/** A class's week: each student's form with its version and the supports that apply in the class. */
export const loadClassWeek = (classId: string, week: string) => call(api.fidelity.classes[":classId"].weeks[":week"].$get({ param: { classId, week } }));
export type ClassWeek = Awaited<ReturnType<typeof loadClassWeek>>;
export type ClassForm = ClassWeek["forms"][number];

type SubmitBody = Parameters<(typeof api.fidelity.classes)[":classId"]["weeks"][":week"]["submit"]["$post"]>[0]["json"];
/** Submits the class form by form; one result per form (submitted, 409, 422 or 404). */
export const submitClassWeek = (classId: string, week: string, json: SubmitBody) =>
  call(api.fidelity.classes[":classId"].weeks[":week"].submit.$post({ param: { classId, week }, json }));
export type ClassResult = Awaited<ReturnType<typeof submitClassWeek>>["results"][number];

export type Blocker = ClassForm["blockers"][number];

/**
 * One student's row: its draft, the version it was saved at, and its own autosave (one request at a
 * time per form), so a change to one student never waits for, or overwrites, another's.
 */
export function createRow(form: ClassForm) {
  const [current, setCurrent] = createSignal(form);
  const [draft, setDraft] = createStore<FormDraft>(draftOf(form));
  const [note, setNote] = createSignal(form.note ?? "");
  const [version, setVersion] = createSignal(form.version);
  const [blockers, setBlockers] = createSignal<Blocker[]>(form.blockers);
  const [problem, setProblem] = createSignal<"conflict" | "blocked" | "ack" | "">("");
  const [failure, setFailure] = createSignal("");
  const body = () => ({ version: version(), ...payloadOf(unwrap(draft)), note: note().trim() });

  const autosave = createAutosave({
    delay: 600,
    async save() {
      try {
        const saved = await saveForm(form.id, body());
        setVersion(saved.version);
        setBlockers(saved.blockers);
        setCurrent((c) => ({ ...c, status: saved.status, version: saved.version }));
        return "saved";
      } catch (error) {
        if (error instanceof ApiError && error.code === "conflict") {
          setProblem("conflict");
          return "stale";
        }
        setFailure(errorText(error));
        return "failed";
      }
    },
  });

  return {
    form,
    current,
    draft,
    note,
    version,
    blockers,
    problem,
    failure,
    autosave,
    submitted: () => current().status === "submitted",
    body,
    setAnswer(itemId: string, answer: FormDraft["accommodations"][string]) {
      setDraft("accommodations", itemId, answer);
      autosave.changed();
    },
    setNote(text: string) {
      setNote(text);
      autosave.changed();
    },
    /** "Everything provided": every support of the class not yet answered; given answers stay. */
    fillProvided() {
      if (current().status === "submitted") return false;
      const open = form.classItemIds.filter((id) => !draft.accommodations[id]?.status);
      for (const id of open)
        setDraft("accommodations", id, { ...draft.accommodations[id], status: "provided", note: draft.accommodations[id]?.note ?? "", reason: undefined });
      if (open.length) autosave.changed();
      return open.length > 0;
    },
    /** What the class submit said of this form. */
    accept(result: ClassResult) {
      if (result.status === 200) {
        setCurrent((c) => ({ ...c, status: "submitted", version: result.form.version }));
        setVersion(result.form.version);
        setBlockers([]);
        setProblem("");
        return;
      }
      if (result.status === 409) return setProblem("conflict");
      const details = (result.details ?? {}) as { version?: number; blockers?: Blocker[] };
      if (details.version !== undefined) setVersion(details.version);
      if (details.blockers) {
        setBlockers(details.blockers);
        setProblem(details.blockers.some((b) => b.code === "acknowledgment_required") ? "ack" : "blocked");
      } else {
        setFailure(result.message);
        setProblem("blocked");
      }
    },
    /** After a 409: the answers as saved elsewhere, to check and submit again. */
    async reload() {
      const fresh = await loadForm(form.id);
      setDraft(reconcile(draftOf(fresh)));
      setNote(fresh.note ?? "");
      setVersion(fresh.version);
      setBlockers(fresh.blockers);
      setCurrent((c) => ({ ...c, status: fresh.status, version: fresh.version }));
      setProblem("");
      autosave.setState("saved");
    },
  };
}
export type Row = ReturnType<typeof createRow>;
