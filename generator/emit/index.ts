/**
 * The registry of emitters `saigen generate` runs, in order. Each artifact has one emitter module.
 */
import type { Emitter } from "./types.js";

/** Every emitter, in output order. */
export const EMITTERS: Emitter[] = [];
