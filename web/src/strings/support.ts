/** Implementation support (i18n-support.ts), with the catalog's barrier reasons. */
import { barrierTexts } from "@fidelio/core/messages/catalog-support";
import { register } from "../i18n";
import { supportStrings } from "../i18n-support";

register(supportStrings, barrierTexts);
