/** Make-up (compensatory) minutes: the child's page, the plan form and the board, from the shared catalog. */
import { compensatoryTexts } from "@fidelio/core/messages/catalog-compensatory";
import { register } from "../i18n";

register(compensatoryTexts);
