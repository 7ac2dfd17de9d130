/** The student page's link to the IEP review summary (catalog-review.ts), without the summary's own words. */
import { reviewLinkTexts } from "@fidelio/core/messages/catalog-review";
import { register } from "../i18n";

register(reviewLinkTexts);
