// The database schema, one file per bounded context; this index is what services import (`db/schema`).
export * from "./reference";
export * from "./cases";
export * from "./staff";
export * from "./platform";
export * from "./disclosures";
export * from "./figures";
export * from "./reception";
export * from "./supervision";
