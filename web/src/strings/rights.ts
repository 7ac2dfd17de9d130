/** The legal clocks' words (packages/core/src/messages/catalog-rights.ts): what each clock says and why. */
import { clockTexts, recordsTexts, rightsTexts } from "@fidelio/core/messages/catalog-rights";
import { register } from "../i18n";

register(clockTexts, recordsTexts, rightsTexts);
