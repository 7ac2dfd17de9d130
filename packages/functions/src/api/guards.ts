import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import { Access, type Action } from "@fidelio/core/access";
import { Config } from "@fidelio/core/config";
import { VisibleError } from "@fidelio/core/error";
import { rosterLimits } from "@fidelio/core/roster/limits";
import type { ApiEnv } from "./context";

const safeMethod = /^(GET|HEAD|OPTIONS)$/;
const bodyMethod = /^(POST|PUT|PATCH|DELETE)$/;
const noBody = /^(GET|HEAD)$/;

/**
 * State-changing requests judged by their cookie (everything but a bearer token that authenticated,
 * see readAuthorization) must come from the app's own origin, else 403; sign-in included, so a foreign
 * page can neither act with the session cookie nor plant its own session. A browser adds `Origin` and
 * `Sec-Fetch-Site`, which pages cannot forge: each one it sends must say this origin, and neither may
 * vouch for the other (a foreign `Origin` with `Sec-Fetch-Site: same-origin` is refused). Clients that
 * send neither (scripts) are not browsers carrying someone's cookie, so they pass.
 */
export const sameOrigin = createMiddleware<ApiEnv>(async (c, next) => {
  if (safeMethod.test(c.req.method) || c.get("bearer")) return next();
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const ownOrigin = origin === undefined || origin === new URL(c.req.url).origin || origin === Config.appOrigin();
  const ownSite = site === undefined || site === "same-origin";
  if (ownOrigin && ownSite) return next();
  throw new VisibleError(403, "cross_site", "This request came from another site and was refused.");
});

/** JSON bodies are small: the largest (district settings) is a few KB. */
export const jsonBodyBytes = 128 * 1024;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    // Node discards the rest of the body (its requestTimeout bounds how long); closing at once
    // instead would reset the connection and lose this answer at the client.
    onError: () => {
      throw new VisibleError(413, "too_large", `The request body is over the limit of ${size(limit)}.`);
    },
  });

/**
 * GET and HEAD are let through unasked: a Fetch Request never has a body for them (neither adapter gives
 * one), and asking @hono/node-server's light request for its body builds the whole Fetch Request behind it.
 */
const withBody = (limit: ReturnType<typeof tooLarge>) => createMiddleware<ApiEnv>((c, next) => (noBody.test(c.req.method) ? next() : limit(c, next)));

/** Enforced while the body is read (chunked bodies too), so an oversized body is never held whole. */
export const limitBody = {
  json: withBody(tooLarge(jsonBodyBytes)),
  roster: withBody(tooLarge(rosterLimits.bytes)),
};

/**
 * The role before the input: a caller whose roles can never do `action` gets 403, not field errors
 * about a request they could not make anyway. Put it before `validate` on the route; the core verb
 * checks again.
 */
export const allowed = (action: Action) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    Access.requireAction(c.get("actor"), action);
    await next();
  });

/**
 * A body is read only in the media type its route reads: JSON (UTF-8) everywhere, multipart for the
 * roster upload. Anything else that carries a body, or names a content type, answers 415 before any
 * route runs, so a `text/plain` body is never parsed as JSON by one route and refused by another.
 */
const accepting = (type: "application/json" | "multipart/form-data") =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (!bodyMethod.test(c.req.method)) return next();
    const header = c.req.header("content-type");
    const hasBody = Number(c.req.header("content-length") ?? 0) > 0 || c.req.header("transfer-encoding") !== undefined;
    if (header === undefined && !hasBody) return next();
    const [mediaType = "", ...params] = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
    const charset = params
      .find((p) => p.startsWith("charset="))
      ?.slice("charset=".length)
      .replaceAll('"', "");
    const readable = mediaType === type && (type !== "application/json" || charset === undefined || charset === "utf-8");
    if (!readable)
      throw new VisibleError(
        415,
        "unsupported_media_type",
        `Send the body as ${type === "application/json" ? "application/json (UTF-8)" : "multipart/form-data"}.`,
      );
    await next();
  });

/** The media type each route reads, by path: one rule for every route that takes a body. */
const accepts = { json: accepting("application/json"), multipart: accepting("multipart/form-data") };
export const acceptBody = createMiddleware<ApiEnv>((c, next) => (c.req.path === "/api/admin/roster" ? accepts.multipart : accepts.json)(c, next));
