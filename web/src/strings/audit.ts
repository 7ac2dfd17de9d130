/** What the access log says people did and why (the catalog's audit actions and reasons); who they are is `people`. */
import { actionTexts, reasonTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";

register(actionTexts, reasonTexts);
