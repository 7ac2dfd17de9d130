/** The access log's own words (i18n-pages.ts); the roles, actions and reasons it names are in ./audit.ts. */
import { register } from "../i18n";
import { auditPhrases } from "../i18n-plurals";
import { accessLogStrings } from "../i18n-pages";

register(accessLogStrings, auditPhrases);
