/**
 * The check stage: meaning checks over the built model (SAI-METADATA.md §4). Each family lives in its own file.
 */
import type { Diagnostics } from "../diagnostics.js";
import type { BuildSources } from "../model/build.js";
import type { SaiModel } from "../model/types.js";
import { checkAttributes } from "./attributes.js";
import { checkEnums, checkMarkerPairs } from "./enums.js";
import { checkObjects } from "./objects.js";

/** Runs every check; results go to `diags`. */
export function checkModel(model: SaiModel, sources: BuildSources, diags: Diagnostics): void {
  checkEnums(model, sources, diags);
  checkMarkerPairs(sources, diags);
  checkAttributes(model, sources, diags);
  checkObjects(model, sources, diags);
}
