import * as v from "valibot";

/**
 * A field that needs fixing, as the API sends it: a stable `code` (with `params`) that the web
 * translates, and `message` in English for scripts. No AWS imports: the web's own checks before
 * sending use the same codes.
 */
export interface Problem {
  /** Dot path of the field, e.g. `calendar.closures.0.to`; "" for the request as a whole. */
  field: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

type Params = Record<string, string | number>;
type Check<T> = (input: T) => boolean;

// Keyed on the check function itself: valibot hands it back as the issue's `requirement`.
const checkCodes = new WeakMap<object, { code: string; params?: Params }>();

/** A `v.check` whose failure reads as `code` (and `params`) instead of its English message. */
export function codedCheck<T>(requirement: Check<T>, code: string, message: string, params?: Params): v.CheckAction<T, string> {
  checkCodes.set(requirement, { code, params });
  return v.check(requirement, message);
}

/** A whole number from `min` to `max`: one problem, `out_of_range {min, max}`, names both ends. */
export const whole = (min: number, max: number, message = `A whole number from ${min} to ${max}`) =>
  v.pipe(
    v.number(),
    v.integer(message),
    codedCheck((n: number) => n >= min && n <= max, "out_of_range", message, { min, max }),
  );

type Issue = v.BaseIssue<unknown>;

/** An object's message for a field that is missing, by key (`v.object(entries, missingFields({...}))`); other issues keep valibot's. */
export const missingFields =
  (messages: Record<string, string>) =>
  (issue: Issue): string =>
    (issue.expected !== null && Object.hasOwn(messages, issue.expected.slice(1, -1)) && issue.received === "undefined"
      ? messages[issue.expected.slice(1, -1)]
      : undefined) ?? issue.message;

const numberParam = (issue: Issue, name: string): Params | undefined => (typeof issue.requirement === "number" ? { [name]: issue.requirement } : undefined);

/** The stable code for one valibot issue: the project's coded checks first, then valibot's own issue types. */
function codeOf(issue: Issue): { code: string; params?: Params } {
  if (issue.kind === "schema") {
    if (issue.input === undefined || issue.input === null) return { code: "required" };
    return issue.type === "picklist" || issue.type === "literal" || issue.type === "variant" ? { code: "invalid_choice" } : { code: "invalid_type" };
  }
  switch (issue.type) {
    case "check":
      return (typeof issue.requirement === "function" && checkCodes.get(issue.requirement)) || { code: "invalid" };
    case "non_empty":
      return { code: "required" };
    case "min_length":
      return issue.requirement === 1 ? { code: "required" } : { code: "too_short", params: numberParam(issue, "min") };
    case "max_length":
      return { code: "too_long", params: numberParam(issue, "max") };
    case "min_value":
      return { code: "too_small", params: numberParam(issue, "min") };
    case "max_value":
      return { code: "too_large", params: numberParam(issue, "max") };
    case "integer":
      return { code: "not_whole_number" };
    case "email":
      return { code: "invalid_email" };
    case "iso_date":
      return { code: "invalid_date" };
    case "regex":
      return { code: "invalid_format" };
    default:
      return { code: "invalid" };
  }
}

/** Every issue as a Problem, in the order valibot found them. */
export function problemsOf(issues: readonly Issue[]): Problem[] {
  return issues.map((issue) => {
    const { code, params } = codeOf(issue);
    const field = v.getDotPath(issue) ?? "";
    return { field, code, ...(params && { params }), message: issue.message };
  });
}
