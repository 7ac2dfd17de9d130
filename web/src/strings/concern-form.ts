/** The form that files a concern (i18n-concerns.ts `concernFormStrings`). */
import { register } from "../i18n";
import { concernFormStrings } from "../i18n-concerns";

register(concernFormStrings);
