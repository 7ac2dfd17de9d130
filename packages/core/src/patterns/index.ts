import { patternsReport } from "./report";

export * from "./schema";
export { patternSentence, sinceDay } from "./describe";
export { weeklyPatterns } from "./weekly";

export namespace Patterns {
  export const report = patternsReport;
}
