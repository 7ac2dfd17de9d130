import { patternsReport } from "./report";

export * from "./schema";
export { patternSentence, sinceDay } from "./describe";
export { weeklyPatterns } from "./weekly";
export { countItemsOf, refreshMissPatterns } from "./counts";
export { patternItemType } from "./items";

export namespace Patterns {
  export const report = patternsReport;
}
