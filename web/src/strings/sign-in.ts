/** Signing in with an emailed code (i18n-pages.ts). */
import { register } from "../i18n";
import { signInStrings } from "../i18n-pages";

register(signInStrings);
