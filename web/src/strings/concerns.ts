/** A concern's words (i18n-concerns.ts) and the catalog's levels, statuses, timeline events and notes. */
import { eventTexts, levelTexts, noteTexts, statusTexts } from "@fidelio/core/messages/catalog-concern";
import { register } from "../i18n";
import { concernStrings } from "../i18n-concerns";

register(concernStrings, levelTexts, statusTexts, eventTexts, noteTexts);
