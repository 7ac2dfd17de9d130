import { createSignal, For, Show } from "solid-js";
import { api, ApiError, call, type FieldErrors } from "../api";
import { t, tProblem } from "../i18n";
import "../strings/compensatory";
import { errorText } from "../components/loaded";
import { Alert } from "../components/status";
import { Field } from "../components/field";
import type { Listing } from "./make-up";

/** A new make-up plan from a service's owed balance: for the case manager or the director (`canPlan`). */
export function NewPlan(props: { studentId: string; listing: Listing; onSaved: () => void }) {
  const balances = () => (props.listing.balances ?? []).filter((b) => b.available > 0);
  const [serviceId, setServiceId] = createSignal("");
  const [minutes, setMinutes] = createSignal("");
  const [plan, setPlan] = createSignal("");
  const [provider, setProvider] = createSignal("");
  const [dueOn, setDueOn] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [failure, setFailure] = createSignal("");
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const service = () => serviceId() || balances()[0]?.serviceId || "";
  const providers = () => (props.listing.providers ?? []).filter((p) => p.serviceIds.includes(service()));
  const who = () => provider() || providers()[0]?.id || "";
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    setErrors({});
    setFailure("");
    setSaved(false);
    setBusy(true);
    try {
      await call(
        api.students[":id"].compensatory.$post({
          param: { id: props.studentId },
          json: { serviceId: service(), minutes: Number(minutes()), plan: plan(), provider: who(), dueOn: dueOn() },
        }),
      );
      setSaved(true);
      setMinutes("");
      setPlan("");
      setDueOn("");
      props.onSaved();
    } catch (error) {
      const problems = error instanceof ApiError ? [...error.problems, ...error.rows.filter((r) => r.code)] : [];
      if (problems.length) {
        const byField: FieldErrors = {};
        for (const p of problems) (byField[p.field] ??= []).push(tProblem({ code: p.code ?? "invalid", params: p.params, message: p.message }));
        setErrors(byField);
      } else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="make-up-new">
      <h3 id="make-up-new-title">{t("makeUpNewTitle")}</h3>
      <ul class="plain-list">
        <For each={props.listing.balances ?? []}>{(b) => <li>{t("makeUpOwed", { service: b.name, owed: b.owed, available: b.available })}</li>}</For>
      </ul>
      <Show when={balances().length > 0} fallback={<p class="empty">{t("makeUpNothingOwed")}</p>}>
        <form aria-labelledby="make-up-new-title" onSubmit={submit} novalidate>
          <div class="field">
            <label for="make-up-service">{t("makeUpService")}</label>
            <select id="make-up-service" value={service()} onChange={(e) => setServiceId(e.currentTarget.value)}>
              <For each={balances()}>{(b) => <option value={b.serviceId}>{b.name}</option>}</For>
            </select>
          </div>
          <Field label={t("makeUpMinutes")} path="minutes" errors={errors()} value={minutes()} onValue={setMinutes} inputmode="numeric" required />
          <Field label={t("makeUpPlan")} path="plan" errors={errors()} value={plan()} onValue={setPlan} multiline required />
          <div class="field">
            <label for="make-up-provider">{t("makeUpProvider")}</label>
            <select
              id="make-up-provider"
              value={who()}
              onChange={(e) => setProvider(e.currentTarget.value)}
              aria-describedby={errors().provider ? "make-up-provider-error" : undefined}
            >
              <For each={providers()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
            </select>
            <Show when={errors().provider}>
              <p id="make-up-provider-error" class="field-error">
                {errors().provider!.join(" ")}
              </p>
            </Show>
          </div>
          <Field label={t("makeUpDueOn")} path="dueOn" errors={errors()} value={dueOn()} onValue={setDueOn} type="date" required />
          <button type="submit" disabled={busy()}>
            {t("makeUpSave")}
          </button>
          <Show when={saved()}>
            <p role="status">{t("makeUpSaved")}</p>
          </Show>
          <Show when={failure()}>
            <Alert>{failure()}</Alert>
          </Show>
        </form>
      </Show>
    </div>
  );
}
