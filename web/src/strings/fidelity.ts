/** Weekly forms and what was delivered (i18n-fidelity.ts), with the catalog's fidelity answers and email delivery states. */
import { answerTexts } from "@fidelio/core/messages/catalog-packet";
import { register } from "../i18n";
import { fidelityStrings } from "../i18n-fidelity";

register(fidelityStrings, answerTexts);
