import { Config } from "../config";

/** An absolute link to a page of the app, for emails: always from the one configured public URL (Config.appUrl). */
export const appLink = (path: string) => `${Config.appUrl()}${path.startsWith("/") ? path : `/${path}`}`;
