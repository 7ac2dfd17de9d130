import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { RateLimit, type LimitedAction } from "@fidelio/core/rate-limit";
import type { ApiEnv } from "./context";

type AdapterEnv = { requestContext?: { http?: { sourceIp?: string } }; incoming?: IncomingMessage } | undefined;

/**
 * The caller's address as the adapter saw the connection: API Gateway's `sourceIp` on Lambda (what
 * hono/aws-lambda's getConnInfo reads), the socket on @hono/node-server (what its getConnInfo reads).
 * Never X-Forwarded-For, which the caller writes. Requests with neither (in-process calls) share one bucket.
 */
export function clientAddress(c: Context): string {
  const env = c.env as AdapterEnv;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** 429 with Retry-After once the caller or everyone together used up the action's allowance. */
export const rateLimited = (action: LimitedAction) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const decision = await RateLimit.take(action, clientAddress(c));
    if (!decision.allowed) {
      return c.json({ error: "rate_limited", message: "Too many requests. Wait a moment and try again." }, 429, {
        "Retry-After": String(decision.retryAfterSeconds),
      });
    }
    await next();
  });
