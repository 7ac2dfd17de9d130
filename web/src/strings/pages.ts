/** The words of the pages everyone sees (i18n-pages.ts): home, a student's record and IEP, not found, what failed to load. */
import { register } from "../i18n";
import { durationPhrases } from "../i18n-plurals";
import { pageStrings } from "../i18n-pages";

register(pageStrings, durationPhrases);
