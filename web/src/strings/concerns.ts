/** What names and lists concerns (i18n-concerns.ts `concernListStrings`) and the catalog's levels and statuses. */
import { levelTexts, statusTexts } from "@fidelio/core/messages/catalog-concern";
import { register } from "../i18n";
import { concernListStrings } from "../i18n-concerns";

register(concernListStrings, levelTexts, statusTexts);
