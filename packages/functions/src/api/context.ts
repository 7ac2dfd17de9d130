import type { UserActor } from "@fidelio/core/actor";

/** What middleware puts on the Hono context for the routes. */
export interface ApiEnv {
  Variables: {
    actor: UserActor;
    token: string;
    /** Authenticated by a well-formed bearer token (set by readAuthorization): the origin check does not apply. */
    bearer: boolean;
    requestId: string;
    /** performance.now() when the request reached the app. */
    startedAt: number;
  };
}
