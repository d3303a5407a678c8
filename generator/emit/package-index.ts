/**
 * The `ts-index` emitter: `src/index.ts`, the package root, re-exporting every generated module and the runtime
 * surface. The naming module guarantees the modules export disjoint names, so `export *` loses nothing.
 */
import { MODULES } from "./names.js";
import { TsFile } from "./ts-file.js";
import { tsPlan } from "./ts-plan.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** `src/index.ts`. */
export function emitIndex(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const file = new TsFile(MODULES.index);
  for (const m of [MODULES.enums, MODULES.status, MODULES.notifications, MODULES.metadata]) file.reexport(m);
  for (const o of ctx.model.objectTypes) file.reexport(plan.names.objects.get(o.objecttype)!.module);
  for (const a of ctx.model.apis) file.reexport(plan.names.apis.get(a.name)!.module);
  file.reexport(MODULES.runtime);
  return [file.finish("", ctx.provenance, "`@dashflow/sai`: SAI DASH flow bindings, metadata and runtime, generated from the SAI headers.")];
}

/** The emitter. */
export const indexEmitter: Emitter = { name: "ts-index", emit: emitIndex };
