/** The director's patterns (catalog-patterns.ts): what each kind says and the home section's words. */
import { patternKindTexts, patternPageTexts } from "@fidelio/core/messages/catalog-patterns";
import { register } from "../i18n";

register(patternKindTexts, patternPageTexts);
