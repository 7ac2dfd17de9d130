/** Weekly forms and reports (i18n-fidelity.ts `fidelityFormStrings`); what was delivered is `fidelity-view`. */
import { register } from "../i18n";
import { formPhrases } from "../i18n-plurals";
import { fidelityFormStrings } from "../i18n-fidelity";

register(fidelityFormStrings, formPhrases);
