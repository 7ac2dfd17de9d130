import type { SSTConfig } from "sst";
import { mountFidelio } from "./infra/index";

export default {
  config() {
    return { name: "fidelio", region: "us-east-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x" });
    app.stack(function Fidelio({ stack }) {
      mountFidelio(stack, { stage: app.stage });
    });
  },
} satisfies SSTConfig;
