/** A page or record that is not there or not the reader's, and a page their role does not open (i18n-pages.ts). */
import { register } from "../i18n";
import { notFoundStrings } from "../i18n-pages";

register(notFoundStrings);
