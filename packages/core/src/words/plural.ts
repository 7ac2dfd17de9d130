/**
 * Counted phrases in the reader's language: Intl.PluralRules picks the form ("1 student", "2
 * students"; "1 estudiante", "2 estudiantes"), and a language's forms without their own text (the
 * Spanish "many") fall back to "other". Pure: no Solid, so it is unit tested on its own.
 */
export type PluralForms = { one: readonly [string, string]; other: readonly [string, string] };
export type PluralLang = "en" | "es";

const rules = new Map<PluralLang, Intl.PluralRules>();
/** The language's plural rules, made once: building Intl.PluralRules costs far more than asking one. */
export const rulesOf = (lang: PluralLang) => rules.get(lang) ?? rules.set(lang, new Intl.PluralRules(lang)).get(lang)!;

const numbers = new Map<string, Intl.NumberFormat>();
/**
 * A number format for `locale` and `options`, made once: `toLocaleString` and `new Intl.NumberFormat`
 * build a new one on every call, and a page's first one loads the language's number data.
 */
export function numberFormatOf(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  return numbers.get(key) ?? numbers.set(key, new Intl.NumberFormat(locale, options)).get(key)!;
}

/**
 * Whether `count` is a whole number from 0 to 999: English and Spanish write it in plain digits ("7",
 * no separator) and both take their "one" form at 1 only (CLDR: en `i = 1 and v = 0`, es `n = 1`), so
 * such a count needs no Intl object. The counts a page shows are almost all of this kind, and the
 * first Intl.PluralRules or Intl.NumberFormat of a page loads the language's data (tens of
 * milliseconds on a phone). test/core/plurals-and-durations.test.ts checks this against Intl.
 */
const isSmallCount = (count: number) => Number.isInteger(count) && count >= 0 && count < 1000 && !Object.is(count, -0);

/** Which of a counted phrase's texts `count` takes in `lang`: "one", or "other" for every other form (the Spanish "many"). */
export const pluralForm = (lang: PluralLang, count: number): "one" | "other" =>
  (isSmallCount(count) ? count === 1 : rulesOf(lang).select(count) === "one") ? "one" : "other";

/** `count` in the language's digits ("1,234", "1234", "1,5"). */
export const countText = (lang: PluralLang, count: number): string => (isSmallCount(count) ? String(count) : numberFormatOf(lang).format(count));

/** The text for `count` in `lang`, with `{count}` and any `{name}` filled in (the count in the language's digits). */
export function pluralText(lang: PluralLang, forms: PluralForms, count: number, vars: Record<string, string | number> = {}): string {
  const form = forms[pluralForm(lang, count)];
  const values: Record<string, string | number> = { ...vars, count: countText(lang, count) };
  return form[lang === "es" ? 1 : 0].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/**
 * A duration for people: "under an hour", hours under a day ("5 hours", "1 hour"), then days with at
 * most one decimal ("1.5 days"). `hours` may be fractional.
 */
export function durationParts(hours: number): { unit: "underHour" } | { unit: "hour" | "day"; n: number } {
  if (hours < 1) return { unit: "underHour" };
  if (hours < 24) return { unit: "hour", n: Math.round(hours) === 24 ? 23 : Math.round(hours) };
  return { unit: "day", n: Math.round((hours / 24) * 10) / 10 };
}
