export * from "./client";
export * from "./update";
export { fromItem, itemType, MalformedItemError, type ItemType } from "./item-type";
export { keys, studentItemKind } from "./keys";
export { tableSchema, outboxTableSchema, defaultTableName } from "./table-schema";
