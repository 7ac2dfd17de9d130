import { describe, expect, it } from "vitest";
import { synth } from "../../infra/synth";
import { appTableActions } from "../../infra/table-actions";
import { actionsOf, functionsOf, tableGrantsOf, tableIdsOf } from "./template";

describe("the Lambda functions", () => {
  const synthesized = synth({ stage: "dev" });
  const { template } = synthesized;
  const functions = functionsOf(template);
  const tables = tableIdsOf(synthesized);
  const fn = (description: string) => {
    const found = functions.get(description);
    if (!found) throw new Error(`no function described "${description}"`);
    return found;
  };

  it("run Node.js 22 on arm64 with source maps, each with its memory and timeout", () => {
    const expected: Record<string, { MemorySize: number; Timeout: number; Handler: string }> = {
      "Fidelio API": { MemorySize: 1024, Timeout: 10, Handler: "index.handler" },
      "Fidelio roster import job": { MemorySize: 2048, Timeout: 900, Handler: "index.handler" },
      "Fidelio outbox sender": { MemorySize: 512, Timeout: 90, Handler: "index.handler" },
      "Fidelio outbox sweep": { MemorySize: 512, Timeout: 120, Handler: "index.sweep" },
      "Fidelio email bounces and complaints": { MemorySize: 512, Timeout: 10, Handler: "index.handler" },
      "Fidelio weekly reminders": { MemorySize: 512, Timeout: 300, Handler: "index.handler" },
    };
    for (const step of ["prepare-level", "wait-for-answer", "apply-outcome", "record-failure"]) {
      expected[`Fidelio escalation step ${step}`] = { MemorySize: 512, Timeout: 10, Handler: "index.handler" };
    }
    expect([...functions.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [description, { properties }] of functions) {
      expect(properties, description).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"], ...expected[description] });
      expect(properties.Environment.Variables.NODE_OPTIONS, description).toBe("--enable-source-maps");
    }
  });

  it("give no function a wildcard action, and no `*` action on a `*` resource", () => {
    for (const [description, { statements }] of functions) {
      expect(statements.length, description).toBeGreaterThan(0);
      for (const statement of statements) {
        const actions = [statement.Action].flat() as string[];
        expect(
          actions.filter((action) => action === "*" || action.endsWith(":*")),
          description,
        ).toEqual([]);
        if ([statement.Resource].flat().includes("*")) expect(actions, `${description}: only what AWS cannot scope`).toEqual(["dynamodb:ListStreams"]);
      }
    }
  });

  it("let the API and the roster job read and write the table without Scan or DescribeTable; the API may start the workflow and dispatch jobs", () => {
    const api = fn("Fidelio API");
    const job = fn("Fidelio roster import job");
    expect(new Set(actionsOf(job.statements))).toEqual(new Set(appTableActions));
    expect(new Set(actionsOf(api.statements))).toEqual(
      new Set([
        ...appTableActions,
        "states:StartExecution",
        "states:SendTaskSuccess",
        "states:SendTaskFailure",
        "states:SendTaskHeartbeat",
        "lambda:InvokeFunction",
      ]),
    );
    const invoke = api.statements.find((s) => s.Action === "lambda:InvokeFunction")!;
    expect(JSON.stringify(invoke.Resource)).toContain(job.logicalId);
    expect(JSON.stringify(invoke.Resource)).not.toMatch(/Workflow|Email/);
    expect(actionsOf([...api.statements, ...job.statements]).filter((a) => /Scan|DescribeTable|PartiQL/.test(a))).toEqual([]);
  });

  it("give the API the configuration core reads, the roster job's name and the AUTH_SECRET seam", () => {
    const { properties } = fn("Fidelio API");
    const variables = properties.Environment.Variables;
    expect(Object.keys(variables).sort()).toEqual([
      "APP_ORIGIN",
      "APP_URL",
      "AUTH_SECRET",
      "EMAIL_FROM",
      "NODE_OPTIONS",
      "OUTBOX_TABLE_NAME",
      "ROSTER_JOB_FUNCTION",
      "STATE_MACHINE_ARN",
      "TABLE_NAME",
    ]);
    expect(variables.AUTH_SECRET).toEqual({ Ref: "AuthSecret" });
    expect(variables.ROSTER_JOB_FUNCTION).toEqual({ Ref: fn("Fidelio roster import job").logicalId });
    expect(variables.EMAIL_FROM).toBe("Fidelio <no-reply@fidelio.example.org>");
    template.hasParameter("AuthSecret", { Type: "String", NoEcho: true, MinLength: 32 });
    // Without a custom origin, the app's origin is the CloudFront distribution's own domain.
    const distribution = Object.keys(template.findResources("AWS::CloudFront::Distribution"))[0]!;
    expect(variables.APP_ORIGIN).toEqual({ "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distribution, "DomainName"] }]] });
    // Every link in an email starts with the same public URL.
    expect(variables.APP_URL).toEqual(variables.APP_ORIGIN);
    const withOrigin = functionsOf(synth({ appOrigin: "https://app.example.org", authSecret: "s".repeat(32) }).template).get("Fidelio API")!;
    expect(withOrigin.properties.Environment.Variables).toMatchObject({
      APP_ORIGIN: "https://app.example.org",
      APP_URL: "https://app.example.org",
      AUTH_SECRET: "s".repeat(32),
    });
  });

  it("let the bounce and complaint handler only read an address's claim and flag its user", () => {
    expect(new Set(actionsOf(fn("Fidelio email bounces and complaints").statements))).toEqual(new Set(["dynamodb:GetItem", "dynamodb:UpdateItem"]));
  });

  it("give each function only the actions its code sends, by function", () => {
    const table = (...actions: string[]) => actions.map((a) => `dynamodb:${a}`);
    const steps = table("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem");
    const expected: Record<string, string[]> = {
      "Fidelio API": [
        ...appTableActions,
        "states:StartExecution",
        "states:SendTaskSuccess",
        "states:SendTaskFailure",
        "states:SendTaskHeartbeat",
        "lambda:InvokeFunction",
      ],
      "Fidelio roster import job": appTableActions,
      // The stream mapping's read of the stream (GetRecords and the rest) comes with the event source.
      "Fidelio outbox sender": [
        ...table("GetItem", "UpdateItem", "PutItem"),
        "ses:SendEmail",
        "dynamodb:ListStreams",
        "dynamodb:DescribeStream",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
        "sqs:SendMessage",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
      ],
      "Fidelio outbox sweep": [...table("GetItem", "Query", "UpdateItem", "PutItem"), "ses:SendEmail"],
      "Fidelio email bounces and complaints": table("GetItem", "UpdateItem"),
      "Fidelio weekly reminders": table("GetItem", "BatchGetItem", "Query", "PutItem"),
      "Fidelio escalation step prepare-level": steps,
      "Fidelio escalation step apply-outcome": steps,
      "Fidelio escalation step record-failure": steps,
      // Stores its task token on the concern (one conditional update), or ends a wait an answer overtook.
      "Fidelio escalation step wait-for-answer": [...table("UpdateItem"), "states:SendTaskSuccess"],
    };
    for (const [description, { statements }] of functions) expect(new Set(actionsOf(statements)), description).toEqual(new Set(expected[description]));
  });

  it("grant each table's actions on that table alone, and an index only Query, by name, to a function that queries it", () => {
    const table = (...actions: string[]) => actions.map((a) => `dynamodb:${a}`).sort();
    const records = (...actions: string[]) => ({ records: table(...actions) });
    // The API, the roster job and the reminders query gsi1 (a district's students, a person's links, open jobs); nobody else does.
    const queriesIndex = { "records/index/gsi1": table("Query") };
    const app = {
      ...records("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "ConditionCheckItem"),
      ...queriesIndex,
    };
    // The steps query the concern's and the student's partitions, never the index.
    const steps = records("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem");
    // An outbox email is put in the transaction of what causes it: PutItem on the outbox table's items, no index.
    const queuesEmail = { outbox: table("PutItem") };
    // An email the sender gives up on goes on its concern's timeline: reads and one transaction, no Query, so no index.
    const recordsUndelivered = { records: table("GetItem", "PutItem", "UpdateItem") };
    const expected: Record<string, Record<string, string[]>> = {
      // Sign-in and concern recaps queue emails; the concern packet reads their statuses by BatchGetItem.
      "Fidelio API": { ...app, outbox: table("BatchGetItem", "PutItem") },
      "Fidelio roster import job": app,
      // Claims and settles the item the stream brings; ListStreams is the one action AWS cannot scope.
      "Fidelio outbox sender": {
        ...recordsUndelivered,
        outbox: table("UpdateItem"),
        "outbox stream": table("DescribeStream", "GetRecords", "GetShardIterator"),
        "*": table("ListStreams"),
      },
      // Finds the open items on gsi1 (and on nothing else), then runs the sender's rounds.
      "Fidelio outbox sweep": { ...recordsUndelivered, outbox: table("UpdateItem"), "outbox/index/gsi1": table("Query") },
      "Fidelio email bounces and complaints": records("GetItem", "UpdateItem"),
      "Fidelio weekly reminders": { ...records("GetItem", "BatchGetItem", "Query", "PutItem"), ...queriesIndex, ...queuesEmail },
      "Fidelio escalation step prepare-level": { ...steps, ...queuesEmail },
      "Fidelio escalation step apply-outcome": { ...steps, ...queuesEmail },
      "Fidelio escalation step record-failure": { ...steps, ...queuesEmail },
      // Only stores its task token on the concern: one update, no email, so nothing on the outbox.
      "Fidelio escalation step wait-for-answer": records("UpdateItem"),
    };
    expect([...functions.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [description, fn] of functions) expect(tableGrantsOf(fn, tables), description).toEqual(expected[description]);
  });

  it("give TABLE_NAME (the records) to every function, and OUTBOX_TABLE_NAME exactly to those granted the outbox table", () => {
    for (const [description, fn] of functions) {
      const variables = fn.properties.Environment.Variables;
      expect(variables.TABLE_NAME, description).toEqual({ Ref: tables.records });
      const usesOutbox = Object.keys(tableGrantsOf(fn, tables)).some((resource) => resource.startsWith("outbox"));
      expect(variables.OUTBOX_TABLE_NAME, description).toEqual(usesOutbox ? { Ref: tables.outbox } : undefined);
    }
    const withOutbox = [...functions].filter(([, fn]) => fn.properties.Environment.Variables.OUTBOX_TABLE_NAME).map(([description]) => description);
    expect(withOutbox.sort()).toEqual(
      [
        "Fidelio API",
        "Fidelio outbox sender",
        "Fidelio outbox sweep",
        "Fidelio weekly reminders",
        ...["prepare-level", "apply-outcome", "record-failure"].map((s) => `Fidelio escalation step ${s}`),
      ].sort(),
    );
  });

  it("lets a roster job that died be retried by Lambda's async retries", () => {
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: fn("Fidelio roster import job").logicalId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
    });
  });
});
