import { lang, setLang, t } from "../i18n";

/** Names the other language in that language, so someone who reads only Spanish can find it. */
export function LanguageSwitch() {
  const other = () => (lang() === "en" ? "es" : "en");
  return (
    <button type="button" class="button-quiet" lang={other()} onClick={() => setLang(other())}>
      {t("switchLanguage")}
    </button>
  );
}
