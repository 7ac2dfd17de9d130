import { lang } from "./i18n";
import { deadlineInstant, formatInstant, formatPlainDate, formatter, shortInstant } from "@fidelio/core/words/time";

/** A calendar date in words ("June 3, 2027", "3 de junio de 2027"). */
export const formatDate = (isoDate: string) => formatPlainDate(lang(), isoDate);

/** Part of a calendar date (YYYY-MM-DD) in the reader's language, with `options` ({ weekday: "long" }: "Wednesday"); formats made once. */
export const formatDatePart = (isoDate: string, options: Intl.DateTimeFormatOptions) =>
  formatter(lang(), { ...options, timeZone: "UTC" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));

/**
 * An instant on the district's clock with its zone named in words ("Pacific Time", "hora del Pacífico";
 * core/words/time.ts), never the browser's: everyone reads the same time.
 */
export const formatDateTime = (iso: string, timeZone: string) => formatInstant(lang(), iso, timeZone, shortInstant);

/** An instant on the district's clock (deadlines end with the school day there), with its weekday, naming the zone. */
export const formatInZone = (iso: string, timeZone: string) => formatInstant(lang(), iso, timeZone, deadlineInstant);

/** The day of an instant on the district's clock. */
export const formatDayInZone = (iso: string, timeZone: string) => formatter(lang(), { dateStyle: "medium", timeZone }).format(new Date(iso));
