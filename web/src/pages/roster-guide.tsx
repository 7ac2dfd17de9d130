import { Show } from "solid-js";
import { A } from "../router";
import guide from "../../../docs/roster-csv.md?raw";
import { lang, t } from "../i18n";
import "../strings/staff";
import { usePageTitle } from "../components/page-title";
import { Markdown } from "../components/markdown";

/** docs/roster-csv.md, the one format guide, bundled at build time and shown as a page beside the import. */
export function RosterGuide() {
  usePageTitle(() => t("rosterGuideTitle"));
  return (
    <article aria-labelledby="guide-title" class="stack guide">
      <h1 id="guide-title">{t("rosterGuideTitle")}</h1>
      <p>
        <A href="/admin/roster">{t("rosterBackToImport")}</A>
      </p>
      <Show when={lang() === "es"}>
        <p>{t("rosterGuideEnglish")}</p>
      </Show>
      <div lang="en">
        <Markdown source={guide} shift={1} />
      </div>
    </article>
  );
}
