/** The state complaint's forms on a concern's page (the printable complaint, the day one was filed): loaded when the family opens them. */
import { register } from "../i18n";
import { complaintFormStrings } from "../i18n-concerns";

register(complaintFormStrings);
