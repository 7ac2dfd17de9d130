/** The director's escalation board (i18n-concerns.ts `concernBoardStrings`). */
import { register } from "../i18n";
import { boardPhrases } from "../i18n-plurals";
import { concernBoardStrings } from "../i18n-concerns";

register(concernBoardStrings, boardPhrases);
