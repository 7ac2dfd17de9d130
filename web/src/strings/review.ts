/** The IEP review summary and "did it help?" on the forms (catalog-review.ts). */
import { helpedTexts, reviewTexts } from "@fidelio/core/messages/catalog-review";
import { register } from "../i18n";

register(helpedTexts, reviewTexts);
