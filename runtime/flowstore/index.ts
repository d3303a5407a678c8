/**
 * Flow table store for millions of DASH flows in typed arrays: layout derived from the metadata model, hash index,
 * chunked columns, enabled-key masking, aging and compiled filtered scans. See store.ts for the memory layout and
 * growth strategy, filter.ts for scan semantics.
 */
export * from "./values.js";
export * from "./layout.js";
export * from "./key.js";
export * from "./hash.js";
export * from "./chunks.js";
export * from "./blob-arena.js";
export * from "./store.js";
export * from "./filter.js";
export * from "./pool.js";
