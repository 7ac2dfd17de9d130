import { A } from "../router";
import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/staff";
import { useSession } from "../session";

/** A district admin starts with setup: the calendar and deadlines, then the roster, each on its own page. */
export function AdminHome() {
  const session = useSession();
  return (
    <section aria-labelledby="setup-title">
      <h2 id="setup-title">{t("setupTitle")}</h2>
      <ul class="cards">
        <Show when={session.can("editDistrict")}>
          <li class="card">
            <h3 class="card-title">
              <A href="/admin/settings">{t("settingsTitle")}</A>
            </h3>
            <p>{t("settingsBlurb")}</p>
          </li>
        </Show>
        <Show when={session.can("importRoster")}>
          <li class="card">
            <h3 class="card-title">
              <A href="/admin/roster">{t("rosterTitle")}</A>
            </h3>
            <p>{t("rosterBlurb")}</p>
          </li>
        </Show>
      </ul>
    </section>
  );
}
