/**
 * The model's JSON form (what `saigen metadata` prints and the goldens hold): stable key order, 2-space indent.
 */
import type { SaiModel } from "./types.js";

/** Serializes the model deterministically. */
export function modelToJson(model: SaiModel): string {
  return JSON.stringify(model, null, 2) + "\n";
}
