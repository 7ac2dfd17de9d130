import { resolve } from "node:path";

/**
 * Where `npm start` builds the web app and the local server serves it from: web/dist, or WEB_DIST when
 * set (a test that runs `npm start` builds into a directory of its own, so servers reading web/dist
 * meanwhile keep their files).
 */
export const webDist = process.env.WEB_DIST ? resolve(process.env.WEB_DIST) : resolve(import.meta.dirname, "../../../web/dist");
