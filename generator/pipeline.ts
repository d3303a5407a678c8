/**
 * The generator's named stages, top to bottom: parse → build model → check. Emitters take the result.
 */
import { Diagnostics } from "./diagnostics.js";
import { parseHeaders } from "./parse/index.js";
import { buildModel, type BuildSources } from "./model/build.js";
import { checkModel } from "./check/index.js";
import type { SaiModel } from "./model/types.js";

export interface PipelineResult {
  model: SaiModel;
  sources: BuildSources;
  diagnostics: Diagnostics;
  timings: { parseMs: number; modelMs: number; checkMs: number };
}

export interface PipelineOptions {
  /** Run the check stage (default true). `saigen diff` compares history that may predate today's checks. */
  check?: boolean;
}

/** Runs parse, model and check over header folders; diagnostics are collected, never thrown. */
export function runPipeline(dirs: string[], options: PipelineOptions = {}): PipelineResult {
  const diagnostics = new Diagnostics();
  const t0 = performance.now();
  const parsed = parseHeaders(dirs);
  for (const p of parsed.problems) {
    if (p.severity === "error") diagnostics.error(p.loc, p.code, p.message);
    else diagnostics.warning(p.loc, p.code, p.message);
  }
  const t1 = performance.now();
  const { model, sources } = buildModel(parsed.headers, diagnostics);
  const t2 = performance.now();
  if (options.check !== false) checkModel(model, sources, diagnostics);
  const t3 = performance.now();
  return { model, sources, diagnostics, timings: { parseMs: t1 - t0, modelMs: t2 - t1, checkMs: t3 - t2 } };
}
