/** The concern page's conversation form, from the shared catalog; `mode.*` and `recap.*` come with the notice words. */
import { conversationFormTexts } from "@fidelio/core/messages/catalog-conversation";
import { register } from "../i18n";

register(conversationFormTexts);
