/** The district settings page's rights fields, from the shared catalog. */
import { rightsSettingsTexts } from "@fidelio/core/messages/catalog-rights-settings";
import { rightsTexts } from "@fidelio/core/messages/catalog-rights";
import { register } from "../i18n";

register(rightsSettingsTexts, rightsTexts);
