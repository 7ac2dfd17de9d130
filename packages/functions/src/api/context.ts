import type { UserActor } from "@fidelio/core/actor";
import type { DistrictInfo } from "@fidelio/core/district/schema";

/** What middleware puts on the Hono context for the routes. */
export interface ApiEnv {
  Variables: {
    actor: UserActor;
    token: string;
    /** Authenticated by a well-formed bearer token (set by readAuthorization): the origin check does not apply. */
    bearer: boolean;
    /** The actor's district, read with the session for `/api/me` (session.ts); null when it has no item. */
    district: DistrictInfo | null;
    requestId: string;
    /** performance.now() when the request reached the app. */
    startedAt: number;
  };
}
