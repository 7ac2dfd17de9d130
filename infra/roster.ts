import { Duration } from "aws-cdk-lib";
import type { Table } from "aws-cdk-lib/aws-dynamodb";
import type { IGrantable } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { Construct } from "constructs";
import { rosterJobBundleOptions } from "@fidelio/functions/roster/bundle-options";
import { nodeFunction } from "./function";
import { grantIndex, grantItems } from "./storage";
import { appTableActions, recordsIndex } from "./table-actions";

/**
 * The roster import job: its own function, so parsing, planning and writing 5,000 students neither
 * holds an API request open nor stalls the API's other requests. The API invokes it asynchronously.
 */
export class RosterJob extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: { table: Table }) {
    super(scope, id);
    this.fn = nodeFunction(this, "Function", {
      bundle: rosterJobBundleOptions,
      // Lambda's longest run; 2 GB brings a second vCPU-share for marshalling and parsing the files.
      timeout: Duration.minutes(15),
      memory: 2048,
      environment: { TABLE_NAME: props.table.tableName },
      description: "Fidelio roster import job",
    });
    // A run that died is retried after a minute or more, when its heartbeat is stale and the retry may take the job over.
    this.fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });
    grantItems(props.table, this.fn, appTableActions);
    grantIndex(props.table, recordsIndex.name, this.fn, recordsIndex.actions);
  }

  grantDispatch(grantee: IGrantable) {
    this.fn.grantInvoke(grantee);
  }
}
