/**
 * Instants as people read them: on the district's clock, with the zone named in words, in the reader's
 * language ("Pacific Time", "hora del Pacífico"). Never an offset ("GMT-8", which is what Spanish shows
 * for the short style) nor an abbreviation a reader may not know ("PST"). The one declaration of how a
 * zone is named, for the web, the emails and the evidence packet. Pure: the web bundles it.
 */

/** Intl's generic long name: the same words all year (no standard/daylight switch), translated. */
export const zoneNameStyle = "longGeneric" as const;

/** Which parts of the date and time to show; Intl refuses dateStyle/timeStyle beside a zone name, so they are spelled out. */
export type InstantParts = Pick<Intl.DateTimeFormatOptions, "weekday" | "year" | "month" | "day" | "hour" | "minute">;

/** The usual parts: "Dec 9, 2026, 10:00 AM Pacific Time"; "9 dic 2026, 10:00 hora del Pacífico". */
export const shortInstant: InstantParts = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" };
/** With the weekday, for deadlines: "Wed, Dec 9, 2026, 5:00 PM Pacific Time". */
export const deadlineInstant: InstantParts = { weekday: "short", ...shortInstant };
/** In full, for emails: "Wednesday, December 9, 2026, 5:00 PM Pacific Time". */
export const fullInstant: InstantParts = { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" };

/**
 * Formatters, made once per locale, zone and parts: building an Intl.DateTimeFormat costs far more
 * than formatting with one (an email's dates made a new one each, about 0.8 ms of a concern action's
 * CPU in a profile). Bounded: emptied when it holds 256.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    if (formatters.size >= 256) formatters.clear();
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** `at` on the clock of `timeZone`, in `locale`, the zone named. */
export const formatInstant = (locale: string, at: string | Date, timeZone: string, parts: InstantParts = shortInstant) =>
  formatter(locale, { ...parts, timeZone, timeZoneName: zoneNameStyle }).format(new Date(at));

/** A calendar date (YYYY-MM-DD, already the district's day) in words: "June 3, 2027", "3 de junio de 2027". */
export const formatPlainDate = (lang: "en" | "es", date: string) =>
  formatter(lang === "es" ? "es" : "en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));

/** The zone's name alone, in `locale` ("Pacific Time", "hora del Pacífico"). */
export function zoneName(locale: string, timeZone: string, at: string | Date = new Date(0)): string {
  const parts = formatter(locale, { timeZone, timeZoneName: zoneNameStyle }).formatToParts(new Date(at));
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
