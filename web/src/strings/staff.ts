/** Staff and administrator screens' words (i18n-staff.ts): imported by the modules that show them, never by a parent's pages. */
import { register } from "../i18n";
import { staffPhrases } from "../i18n-plurals";
import { staffStrings } from "../i18n-staff";

register(staffStrings, staffPhrases);
