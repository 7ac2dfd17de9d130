import type { Construct } from "constructs";
import { Api } from "./api";
import { Email } from "./email";
import { RosterJob } from "./roster";
import { authSecret } from "./secrets";
import { Storage } from "./storage";
import { Workflow } from "./workflow";

export interface FidelioProps {
  stage: string;
  /** The domain email is sent from (an SES identity); mail comes from `Fidelio <no-reply@domain>`. */
  emailDomain: string;
  /** The web app's origin when it is not the API's own. */
  appOrigin?: string;
  /** AUTH_SECRET; absent, a NoEcho stack parameter (the seam in ./secrets.ts). */
  authSecret?: string;
}

// Stages whose data is real; everything else is disposable and removed with its stack.
const productionStages = new Set(["prod", "production"]);

/**
 * Declares every Fidelio resource in `scope`. `sst.config.ts` calls it inside an SST stack and
 * the offline tests call it inside a plain `cdk.Stack`, because `sst build` needs AWS to run.
 */
export function mountFidelio(scope: Construct, props: FidelioProps) {
  const storage = new Storage(scope, "Storage", { retain: productionStages.has(props.stage) });
  const secret = authSecret(scope, props.authSecret);
  const workflow = new Workflow(scope, "Workflow", { table: storage.table, authSecret: secret, appOrigin: props.appOrigin });
  const emailFrom = `Fidelio <no-reply@${props.emailDomain}>`;
  const email = new Email(scope, "Email", { table: storage.table, domain: props.emailDomain, emailFrom, authSecret: secret });
  const rosterJob = new RosterJob(scope, "RosterJob", { table: storage.table });
  const api = new Api(scope, "Api", { table: storage.table, workflow, rosterJob, authSecret: secret, emailFrom, appOrigin: props.appOrigin });
  return { storage, workflow, email, rosterJob, api };
}
