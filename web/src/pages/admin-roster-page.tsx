import { Show } from "solid-js";
import { t } from "../i18n";
import "../strings/staff";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { AdminRoster } from "./admin-roster";
import { AccessDeniedContent } from "./not-found";

/** The roster import on a page of its own; only for readers the API lets import. */
export function AdminRosterPage() {
  const session = useSession();
  usePageTitle(() => t("rosterPageTitle"));
  return (
    <Show when={session.can("importRoster")} fallback={<AccessDeniedContent />}>
      <h1>{t("rosterPageTitle")}</h1>
      <AdminRoster />
    </Show>
  );
}
