/** The largest roster upload, in bytes once unzipped, and in rows: the API's body limit for the upload reads it too. */
export const rosterLimits = { bytes: 20 * 1024 * 1024, rows: 50_000 } as const;
