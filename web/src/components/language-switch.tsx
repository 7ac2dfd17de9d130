import { lang, t } from "../i18n";
import { useSession } from "../session";

/** Names the other language in that language, so someone who reads only Spanish can find it. Signed in, the choice is stored. */
export function LanguageSwitch() {
  const session = useSession();
  const other = () => (lang() === "en" ? "es" : "en");
  return (
    <button type="button" class="button-quiet" lang={other()} onClick={() => void session.chooseLanguage(other())}>
      {t("switchLanguage")}
    </button>
  );
}
