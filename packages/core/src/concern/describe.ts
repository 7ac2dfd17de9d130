import { eventTexts, levelTexts } from "../messages/catalog-concern";
import { sayFrom } from "../messages/say";
import type { Language } from "../user/schema";
import { type DescribedEvent, describeEventWith } from "./describe-words";

export type { DescribedEvent };

// Only the sections it words.
const say = sayFrom({ ...levelTexts, ...eventTexts });

/** What happened, in `lang`, from the catalog: the concern's emails and its packet (the web words it with its own loaded words). */
export const describeEvent = (lang: Language, event: DescribedEvent, formatDue: (iso: string) => string): string =>
  describeEventWith((code, params) => say(lang, code, params), lang, event, formatDue);
