/** What names a concern from other pages (i18n-concerns.ts `concernLinkStrings`): the home page's "waiting on you", a concern's name in a list. */
import { register } from "../i18n";
import { concernLinkStrings } from "../i18n-concerns";
import { waitingPhrases } from "../i18n-plurals";

register(concernLinkStrings, waitingPhrases);
