import { For, Show, type JSX } from "solid-js";
import { t, tCode, type StringKey } from "../i18n";
import "../strings/people";
import "../strings/pages";
import type { StudentDetail } from "../pages/student";

type Iep = NonNullable<StudentDetail["iep"]>;

function Part<T>(props: { title: StringKey; items: T[]; children: (item: T) => JSX.Element }) {
  return (
    <>
      <h3>{t(props.title)}</h3>
      <Show when={props.items.length > 0} fallback={<p class="empty">{t("noneListed")}</p>}>
        <ul class="iep-list">
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </Show>
    </>
  );
}

/** The IEP's promises, in the order a parent or teacher checks them. */
export function IepSnapshot(props: { iep: Iep }) {
  return (
    <>
      <Part title="accommodations" items={props.iep.accommodations}>
        {(item) => (
          <>
            {item.text}
            <Show when={item.appliesInMyClasses === false}>
              <span class="detail">{t("notInYourClasses")}</span>
            </Show>
          </>
        )}
      </Part>
      <Part title="modifications" items={props.iep.modifications}>
        {(item) => item.text}
      </Part>
      <Part title="services" items={props.iep.services}>
        {(service) => (
          <>
            <strong>{service.name}</strong>
            <span class="detail">{t("minutesPerWeek", { minutes: service.minutesPerWeek })}</span>
            <span class="detail">{t("providedBy", { provider: tCode("provider", service.providerRole) })}</span>
          </>
        )}
      </Part>
      <Part title="goals" items={props.iep.goals}>
        {(goal) => (
          <>
            <strong>{goal.area}</strong>
            <span class="detail">{goal.text}</span>
          </>
        )}
      </Part>
    </>
  );
}
