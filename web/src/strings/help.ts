/** Help requests and the team note (catalog-help.ts): the home page's section, the forms' "I need help with this" and team note, the district setting. */
import { helpPageTexts, helpSettingsTexts, helpTriggerTexts } from "@fidelio/core/messages/catalog-help";
import { register } from "../i18n";

register(helpPageTexts, helpTriggerTexts, helpSettingsTexts);
