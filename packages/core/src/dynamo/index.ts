export * from "./client";
export { keys, studentItemKind } from "./keys";
export { tableSchema, defaultTableName } from "./table-schema";
