/**
 * Everything one concern's page words, in one area so a first visit fetches one file of words beside `pages`:
 * its summary and actions (the conversation form's title), its timeline's events and notes from the
 * catalog, the levels and statuses and two of the lists' words (`concerns`), who people are (`people`),
 * and the legal clocks' lines. The lists' and people's words are also areas of their own for other pages.
 */
import { eventTexts, levelTexts, noteTexts, statusTexts } from "@fidelio/core/messages/catalog-concern";
import { roleTexts, systemTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";
import { providerStrings } from "../i18n-codes";
import { clockLineStrings, concernPageListStrings, concernPageStrings, conversationSummaryStrings } from "../i18n-concerns";

register(
  concernPageStrings,
  eventTexts,
  noteTexts,
  conversationSummaryStrings,
  concernPageListStrings,
  levelTexts,
  statusTexts,
  roleTexts,
  systemTexts,
  providerStrings,
  clockLineStrings,
);
