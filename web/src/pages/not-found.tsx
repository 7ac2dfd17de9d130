import { A } from "@solidjs/router";
import { t } from "../i18n";
import { usePageTitle } from "../components/page-title";

export function NotFoundContent() {
  usePageTitle(() => t("notFoundTitle"));
  return (
    <section class="not-found">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <A href="/">{t("goHome")}</A>
      </p>
    </section>
  );
}

export function NotFound() {
  return <NotFoundContent />;
}
