export * from "./client";
export * from "./update";
export { keys, studentItemKind } from "./keys";
export { tableSchema, defaultTableName } from "./table-schema";
