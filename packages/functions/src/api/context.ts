import type { UserActor } from "@fidelio/core/actor";

/** What middleware puts on the Hono context for the routes. */
export interface ApiEnv {
  Variables: {
    actor: UserActor;
    token: string;
    requestId: string;
    /** performance.now() when the request reached the app. */
    startedAt: number;
  };
}
