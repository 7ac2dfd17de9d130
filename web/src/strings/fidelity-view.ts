/** What was delivered to one student (i18n-fidelity.ts `fidelityViewStrings`), with the catalog's fidelity answers. */
import { answerTexts } from "@fidelio/core/messages/catalog-packet";
import { register } from "../i18n";
import { fidelityViewStrings } from "../i18n-fidelity";

register(fidelityViewStrings, answerTexts);
