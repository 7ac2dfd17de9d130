import { defaultTableName, outboxTableNameFor } from "../dynamo/table-schema";

/**
 * The one place that reads the environment. On AWS, SST binds these to each function; locally the
 * embedded stack (and the test setup) sets them before the first call. Read lazily, on each call,
 * so a process that sets the environment after importing core still gets what it set.
 */
const read = (name: string) => {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
};

/** `npm start`'s address with its default PORT. */
const localAppUrl = "http://127.0.0.1:3000";

const positiveNumber = (name: string) => {
  const raw = read(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number of seconds above 0`);
  return value;
};

export const Config = {
  /** The records table. */
  tableName: () => read("TABLE_NAME") ?? defaultTableName,
  /** The email outbox's table (the one with a stream); by default named after the records table. */
  outboxTableName: () => read("OUTBOX_TABLE_NAME") ?? outboxTableNameFor(read("TABLE_NAME") ?? defaultTableName),
  /** DynamoDB Local's address; unset on AWS, where the SDK's regional endpoint is used. */
  dynamoEndpoint: () => read("DYNAMO_ENDPOINT"),
  /** aws-ses-v2-local's address; unset on AWS. */
  sesEndpoint: () => read("SES_ENDPOINT"),
  /** The web app's origin when it is not the API's own (e.g. `https://app.example.org`); browsers' writes must come from it. */
  appOrigin: () => read("APP_ORIGIN"),
  /**
   * The public address every link in an email starts with (`https://fidelio.district.org`). On AWS
   * infra sets it to the CloudFront domain (or the custom one); locally the server sets it to its own
   * address when it starts (packages/local/src/server.ts). Without it, APP_ORIGIN, else `npm start`'s default.
   */
  appUrl: () => (read("APP_URL") ?? read("APP_ORIGIN") ?? localAppUrl).replace(/\/+$/, ""),
  /** Sender of every email. */
  emailFrom: () => read("EMAIL_FROM") ?? "Fidelio <no-reply@fidelio.test>",
  /** Key for sign-in code hashes and signed cursors: required, at least 32 characters. */
  authSecret: () => {
    const secret = read("AUTH_SECRET");
    if (!secret || secret.length < 32) throw new Error("AUTH_SECRET must be set to at least 32 characters");
    return secret;
  },
  region: () => read("AWS_REGION") ?? "us-east-1",
  /** The escalation state machine; set on AWS for the API, which resumes executions. */
  stateMachineArn: () => read("STATE_MACHINE_ARN"),
  /**
   * The roster import job's function, which the API invokes asynchronously on AWS; unset locally,
   * where jobs run on the server's worker threads.
   */
  rosterJobFunction: () => read("ROSTER_JOB_FUNCTION"),
  /**
   * Local only: how many times shorter every workflow wait runs (86400 turns a school day into
   * about a second). The local runner reads it; nothing on AWS does.
   */
  /**
   * The outbox's retry timings, in seconds, for tests and local trials only: how long an email whose
   * send keeps failing for a passing reason (SES down, throttled) is retried, and the longest wait
   * between two rounds. Unset (as on AWS), the production policy applies (core/outbox/retry-policy.ts).
   */
  outboxRetryWindowSeconds: () => positiveNumber("OUTBOX_RETRY_WINDOW_SECONDS"),
  outboxMaxBackoffSeconds: () => positiveNumber("OUTBOX_MAX_BACKOFF_SECONDS"),
  timeScale: () => {
    const raw = read("TIME_SCALE");
    if (raw === undefined) return 1;
    const scale = Number(raw);
    if (!Number.isFinite(scale) || scale < 1) throw new Error("TIME_SCALE must be a number of at least 1");
    return scale;
  },
};
