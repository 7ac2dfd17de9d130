/** Codes the API sends that only the web words (i18n-codes.ts): field problems and error codes, loaded with the first error (api.ts `errorWords`). */
import { register } from "../i18n";
import { codeStrings } from "../i18n-codes";

register(codeStrings);
