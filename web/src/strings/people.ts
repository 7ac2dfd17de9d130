/** Who people are, and why Fidelio itself acted (the catalog's roles and system reasons): a team list, a concern's history. */
import { roleTexts, systemTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";

register(roleTexts, systemTexts);
