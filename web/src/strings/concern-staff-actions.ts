/** The assignee's action forms on a concern (resolve, escalate, ask the family, record the outcome): staff only. */
import { register } from "../i18n";
import { concernStaffActionStrings } from "../i18n-concerns";

register(concernStaffActionStrings);
