/** Codes the API sends that only the web words (i18n-codes.ts): field problems, error codes, IEP provider roles. */
import { register } from "../i18n";
import { codeStrings } from "../i18n-codes";

register(codeStrings);
