/** Roster import problems by code (i18n-roster.ts), worded by `tRosterProblem`. */
import { register } from "../i18n";
import { prefixed } from "../i18n-codes";
import { rosterDetailStrings, rosterProblemStrings } from "../i18n-roster";

register(prefixed("rosterProblem", rosterProblemStrings), prefixed("rosterDetail", rosterDetailStrings));
