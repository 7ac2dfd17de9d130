/**
 * Everything one concern's page words, in one area so a first visit fetches one file of words:
 * its summary and actions (the conversation form's title), its timeline's events and notes from the
 * catalog, the levels and statuses and two of the lists' words (`concerns`), why Fidelio itself acted (`people`'s system reasons),
 * the legal clocks' lines and an email flag (staff see it beside a person). The lists' words and the people's are also areas of their own for other pages.
 */
import { eventTexts, levelTexts, noteTexts, statusTexts } from "@fidelio/core/messages/catalog-concern";
import { systemTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";
import { clockLineStrings, concernPageListStrings, concernPageStrings, conversationSummaryStrings } from "../i18n-concerns";
import { emailFlagStrings } from "../i18n-pages";

register(
  concernPageStrings,
  eventTexts,
  noteTexts,
  conversationSummaryStrings,
  concernPageListStrings,
  levelTexts,
  statusTexts,
  systemTexts,
  clockLineStrings,
  emailFlagStrings,
);
