import type { NotFoundHandler } from "hono";

/** A path no route answers, in the API's JSON shape. */
export const notFound: NotFoundHandler = (c) => c.json({ error: "not_found", message: "No such API route" }, 404);
