/** Who people are and what the access log says they did and why (the catalog's roles, audit actions and reasons). */
import { actionTexts, reasonTexts, roleTexts, systemTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";

register(roleTexts, actionTexts, reasonTexts, systemTexts);
