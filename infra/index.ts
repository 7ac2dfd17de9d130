import type { Construct } from "constructs";
import { Storage } from "./storage";
import { Workflow } from "./workflow";

export interface FidelioProps {
  stage: string;
}

// Stages whose data is real; everything else is disposable and removed with its stack.
const productionStages = new Set(["prod", "production"]);

/**
 * Declares every Fidelio resource in `scope`. `sst.config.ts` calls it inside an SST stack and
 * the offline tests call it inside a plain `cdk.Stack`, because `sst build` needs AWS to run.
 */
export function mountFidelio(scope: Construct, props: FidelioProps) {
  const storage = new Storage(scope, "Storage", { retain: productionStages.has(props.stage) });
  const workflow = new Workflow(scope, "Workflow", { table: storage.table });
  return { storage, workflow };
}
