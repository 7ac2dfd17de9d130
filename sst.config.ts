import type { SSTConfig } from "sst";
import { mountFidelio } from "./infra/index";

/** What a deployment needs from whoever deploys (the deploy guide describes them); AUTH_SECRET comes as a stack parameter for now. */
const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to deploy`);
  return value;
};

export default {
  config() {
    return { name: "fidelio", region: "us-east-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x" });
    app.stack(function Fidelio({ stack }) {
      mountFidelio(stack, { stage: app.stage, emailDomain: required("FIDELIO_EMAIL_DOMAIN"), appOrigin: process.env.FIDELIO_APP_ORIGIN });
    });
  },
} satisfies SSTConfig;
