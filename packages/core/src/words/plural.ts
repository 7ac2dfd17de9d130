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

const numbers = new Map<PluralLang, Intl.NumberFormat>();
/** The language's number format, made once: `toLocaleString` builds a new one on every call. */
const numberFormatOf = (lang: PluralLang) => numbers.get(lang) ?? numbers.set(lang, new Intl.NumberFormat(lang)).get(lang)!;

/** The text for `count` in `lang`, with `{count}` and any `{name}` filled in (the count in the language's digits). */
export function pluralText(lang: PluralLang, forms: PluralForms, count: number, vars: Record<string, string | number> = {}): string {
  const form = rulesOf(lang).select(count) === "one" ? forms.one : forms.other;
  const values: Record<string, string | number> = { ...vars, count: numberFormatOf(lang).format(count) };
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
