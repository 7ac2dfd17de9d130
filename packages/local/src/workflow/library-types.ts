import type { RunOptions, StateMachine } from "aws-local-stepfunctions";

// aws-local-stepfunctions declares these without exporting them.
type LocalHandler = NonNullable<NonNullable<RunOptions["overrides"]>["taskResourceLocalHandlers"]>[string];
export type JSONValue = Parameters<LocalHandler>[0];
export type EventLog = ReturnType<StateMachine["run"]>["eventLogs"] extends AsyncGenerator<infer E> ? E : never;
