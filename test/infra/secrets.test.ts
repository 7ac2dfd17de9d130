import { describe, expect, it } from "vitest";
import { loadAuthSecret } from "@fidelio/functions/aws/auth-secret";
import { synth } from "../../infra/synth";
import { functionsOf } from "./template";

const parameterName = "/sst/fidelio/prod/Secret/AUTH_SECRET/value";

describe("AUTH_SECRET from an SST Config.Secret", () => {
  const { template } = synth({ stage: "prod", authSecret: { parameterName } });
  const functions = functionsOf(template);
  const keyed = [
    "Fidelio API",
    "Fidelio outbox sender",
    "Fidelio outbox sweep",
    "Fidelio weekly reminders",
    ...["prepare-level", "wait-for-answer", "apply-outcome", "record-failure"].map((s) => `Fidelio escalation step ${s}`),
  ];

  it("gives each function that hashes, seals or signs the parameter's name and leave to read that one parameter, never the value", () => {
    for (const [description, fn] of functions) {
      const variables = fn.properties.Environment.Variables;
      expect(variables.AUTH_SECRET, description).toBeUndefined();
      const reads = fn.statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith("ssm:")));
      if (!keyed.includes(description)) {
        expect(variables.AUTH_SECRET_PARAMETER, description).toBeUndefined();
        expect(reads, description).toEqual([]);
        continue;
      }
      expect(variables.AUTH_SECRET_PARAMETER, description).toBe(parameterName);
      expect(reads, description).toEqual([
        expect.objectContaining({
          Action: "ssm:GetParameter",
          Resource: {
            "Fn::Join": [
              "",
              ["arn:", { Ref: "AWS::Partition" }, ":ssm:", { Ref: "AWS::Region" }, ":", { Ref: "AWS::AccountId" }, `:parameter${parameterName}`],
            ],
          },
        }),
      ]);
    }
    expect(template.toJSON().Parameters?.AuthSecret).toBeUndefined();
  });

  it("reads nothing where AUTH_SECRET is already set or no parameter is named (local, tests)", async () => {
    const local = { AUTH_SECRET: "x".repeat(32), AUTH_SECRET_PARAMETER: parameterName };
    await loadAuthSecret(local);
    expect(local.AUTH_SECRET).toBe("x".repeat(32));
    const none: NodeJS.ProcessEnv = {};
    await loadAuthSecret(none);
    expect(none).toEqual({});
  });
});
