/** One concern's page: its summary, actions (the conversation form's title), and its timeline's events and notes from the catalog. */
import { eventTexts, noteTexts } from "@fidelio/core/messages/catalog-concern";
import { register } from "../i18n";
import { concernPageStrings, conversationSummaryStrings } from "../i18n-concerns";

register(concernPageStrings, eventTexts, noteTexts, conversationSummaryStrings);
