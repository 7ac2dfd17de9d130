import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import { Access } from "@fidelio/core/access";
import { VisibleError } from "@fidelio/core/error";
import { problemsOf } from "@fidelio/core/problem";

/**
 * One place maps errors to responses: validation 400 with coded field problems, VisibleError its
 * status, else 500. Every body carries a stable `error` code the web translates; `message` and
 * `fields` (English, by path) stay for scripts.
 */
export const onError: ErrorHandler = async (error, c) => {
  if (error instanceof v.ValiError) {
    const flat = v.flatten(error.issues);
    return c.json(
      { error: "invalid", message: flat.root?.[0] ?? "Some fields need attention", problems: problemsOf(error.issues), fields: flat.nested ?? {} },
      400,
    );
  }
  if (error instanceof VisibleError) {
    if (error.status === 404) await Access.holdNotFound(c.get("startedAt" as never) ?? performance.now());
    return c.json({ error: error.code, message: error.message, ...(error.details ? { errors: error.details } : {}) }, error.status);
  }
  if (error instanceof HTTPException) {
    return c.json({ error: "http", message: error.message || "Bad request" }, error.status);
  }
  const requestId = c.get("requestId" as never) ?? "unknown";
  console.error(JSON.stringify({ level: "error", requestId, name: error.name, message: error.message }));
  return c.json({ error: "internal", message: "Something went wrong on our side.", requestId }, 500);
};
