import type { SSTConfig } from "sst";
import { Config } from "sst/constructs";
import { getParameterPath } from "sst/constructs/util/binding.js";
import { mountFidelio } from "./infra/index";

/** dev is disposable; prod keeps its table and site bucket when removed (RETAIN). */
const stages = ["dev", "prod"];

/** What a deployment needs from whoever deploys (docs/operations.md, "Deploy to AWS"). */
const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to deploy`);
  return value;
};
const stageOf = (stage: string | undefined) => {
  if (!stage || !stages.includes(stage)) throw new Error(`Deploy with --stage ${stages.join(" or --stage ")} (got ${stage ?? "none"})`);
  return stage;
};

const config: SSTConfig = {
  config(input) {
    stageOf(input.stage);
    return { name: "fidelio", region: input.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1" };
  },
  stacks(app) {
    const stage = stageOf(app.stage);
    app.stack(function Fidelio({ stack }) {
      // `npx sst secrets set AUTH_SECRET <value> --stage <stage>` stores it in SSM; the functions read it there (infra/secrets.ts).
      // SST ships its own copy of the `constructs` typings; the stack is the same object either way.
      const secret = new Config.Secret(stack as unknown as ConstructorParameters<typeof Config.Secret>[0], "AUTH_SECRET");
      mountFidelio(stack, {
        stage,
        emailDomain: required("FIDELIO_EMAIL_DOMAIN"),
        appOrigin: process.env.FIDELIO_APP_ORIGIN,
        certificateArn: process.env.FIDELIO_CERTIFICATE_ARN,
        alarmEmail: process.env.FIDELIO_ALARM_EMAIL,
        authSecret: { parameterName: getParameterPath(secret, "value") },
      });
    });
  },
};
export default config;
