/** Who people are, and why Fidelio itself acted (the catalog's roles and system reasons, the roster's guardians and IEP providers): a team list, a concern's history. */
import { roleTexts, systemTexts } from "@fidelio/core/messages/catalog-audit";
import { register } from "../i18n";
import { providerStrings } from "../i18n-codes";

register(roleTexts, systemTexts, providerStrings);
