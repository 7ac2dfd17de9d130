/** Help requests and the team note (catalog-help.ts): the home page's section and the form page's note. */
import { helpPageTexts, helpTriggerTexts } from "@fidelio/core/messages/catalog-help";
import { register } from "../i18n";

register(helpPageTexts, helpTriggerTexts);
