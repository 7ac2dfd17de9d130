import { createResource, For, lazy, Show } from "solid-js";
import { api, call } from "../api";
import { t } from "../i18n";
import "../strings/compensatory";
import { formatDate } from "../format";

const listRaw = (studentId: string) => api.students[":id"].compensatory.$get({ param: { id: studentId } });
export type Listing = Awaited<ReturnType<typeof call<Awaited<ReturnType<typeof listRaw>>>>>;

// Only the case manager and the director plan: the form (with its fields) is a chunk they alone load.
const NewPlan = lazy(() => import("./make-up-new").then((m) => ({ default: m.NewPlan })));

/**
 * The student's make-up (compensatory) plans: each with its minutes given and remaining, for the family
 * and the team; the case manager or the director also plans new ones from a service's owed balance.
 */
export function MakeUpPlans(props: { studentId: string }) {
  const [list, { refetch }] = createResource(
    () => props.studentId,
    (id) => call(listRaw(id)),
  );
  return (
    <section aria-labelledby="make-up-title" class="make-up">
      <h2 id="make-up-title">{t("makeUpTitle")}</h2>
      <p>{t("makeUpIntro")}</p>
      <Show when={list()}>
        {(loaded) => (
          <>
            <Show when={loaded().items.length > 0} fallback={<p class="empty">{t("makeUpNone")}</p>}>
              <ul class="plain-list make-up-plans">
                <For each={loaded().items}>
                  {(plan) => (
                    <li class="make-up-plan">
                      <p>
                        <strong>
                          {t("makeUpPlanLine", {
                            service: plan.serviceName,
                            minutes: plan.minutes,
                            date: formatDate(plan.dueOn),
                            provider: plan.provider.name,
                          })}
                        </strong>
                      </p>
                      <p>
                        {t("makeUpHow")}: {plan.plan}
                      </p>
                      <p>
                        <meter min={0} max={plan.minutes} value={plan.delivered} aria-hidden="true" />{" "}
                        {t("makeUpProgress", { delivered: plan.delivered, remaining: plan.remaining })}
                      </p>
                      <Show when={plan.overdue}>
                        <p class="notice">{t("makeUpOverdue")}</p>
                      </Show>
                      <Show when={plan.remaining === 0}>
                        <p>{t("makeUpDone")}</p>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={loaded().canPlan && loaded().balances}>
              <NewPlan studentId={props.studentId} listing={loaded()} onSaved={() => refetch()} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
