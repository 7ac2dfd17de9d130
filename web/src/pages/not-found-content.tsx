import { A } from "../router";
import { t, type StringKey } from "../i18n";
import "../strings/not-found";
import { usePageTitle } from "../components/page-title";

function Plain(props: { title: StringKey; body: StringKey; next: StringKey }) {
  usePageTitle(() => t(props.title));
  return (
    <section class="not-found">
      <h1>{t(props.title)}</h1>
      <p>{t(props.body)}</p>
      <p>{t(props.next)}</p>
      <p>
        <A href="/">{t("goHome")}</A>
      </p>
    </section>
  );
}

export const NotFoundContent = () => <Plain title="notFoundTitle" body="notFoundBody" next="notFoundNext" />;

/** A page the reader's role does not open: said plainly, with who can help. */
export const AccessDeniedContent = () => <Plain title="forbiddenTitle" body="forbiddenBody" next="forbiddenNext" />;
