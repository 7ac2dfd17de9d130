import { Match } from "aws-cdk-lib/assertions";
import { Stack } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { isFidelioFunction } from "../../infra/function";
import { synth } from "../../infra/synth";
import { suppressReviewedFindings } from "./nag-suppressions";

describe("cdk-nag (AwsSolutions)", () => {
  for (const stage of ["dev", "prod"]) {
    it(`finds nothing left unexplained on ${stage}`, () => {
      const { annotations } = synth({
        stage,
        alarmEmail: "it@district.example",
        aspects: [new AwsSolutionsChecks({ reports: false })],
        // The suppressions go on the resources mountFidelio declared, before the checks run at synthesis.
        onMount: (fidelio) => {
          const stack = Stack.of(fidelio.api);
          suppressReviewedFindings(stack, fidelio, stack.node.findAll().filter(isFidelioFunction));
        },
      });
      const findings = [
        ...annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")),
        ...annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")),
      ];
      expect(findings.map((f) => `${f.id}: ${String(f.entry.data).split(":")[0]}`)).toEqual([]);
    });
  }

  it("still finds what is not suppressed (the check is live)", () => {
    const { annotations } = synth({ aspects: [new AwsSolutionsChecks({ reports: false })] });
    const errors = annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-CFR4.*"));
    expect(errors.length).toBe(1);
  });
});
