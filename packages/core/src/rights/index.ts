/** A family's rights with their clocks (clocks.ts) and the records request (records.ts, records-bundle.ts). See docs/rights.md. */
export * from "./clocks";
export { ReleaseBody, type RecordsRequest } from "./records";
import { listRecordsRequests, releaseRecords, requestRecords } from "./records";
import { recordsBundle } from "./records-bundle";

export namespace Rights {
  export const requestRecordsOf = requestRecords;
  export const recordsRequestsOf = listRecordsRequests;
  export const release = releaseRecords;
  export const bundle = recordsBundle;
}
