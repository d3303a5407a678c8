/**
 * The `ts-status` emitter: `src/status.ts` with every `SAI_STATUS_*` code of `saistatus.h` as a constant (names and
 * values as in the header, SAI-METADATA.md §5.1), the indexed helpers of the per-attribute ranges, and a name
 * lookup. The constants are top-level because the header defines them with `#define`, not as an enum.
 */
import { MODULES, statusRangeStem } from "./names.js";
import { docText, renderTemplate, TsFile, valueSymbol } from "./ts-file.js";
import { tsPlan } from "./ts-plan.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** `src/status.ts`. */
export function emitStatus(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const s = plan.names.status;
  const file = new TsFile(MODULES.status);
  const view = {
    type: s.type,
    constants: ctx.model.statusCodes.map((c) => ({
      name: s.constants.get(c.name)!,
      value: String(c.value),
      doc: docText(`\`${c.name}\` (${c.value < 0 ? `-0x${(-c.value).toString(16)}` : c.value}), ${c.location}.`),
    })),
    ranges: ctx.model.statusCodes
      .filter((c) => s.rangeHelpers.has(c.name))
      .map((c) => ({
        first: s.constants.get(c.name)!,
        stem: statusRangeStem(c.name),
        index: s.rangeHelpers.get(c.name)!.index,
        is: s.rangeHelpers.get(c.name)!.is,
        base: `0x${c.range!.base.toString(16)}`,
      })),
    statusName: s.name,
    formatStatus: file.use(valueSymbol("formatStatus", MODULES.serialize)),
    codes: file.use(valueSymbol(plan.names.metadata.statusCodes, MODULES.metadata)),
  };
  return [file.finish(renderTemplate("status.ts", view), ctx.provenance, "Status codes of `saistatus.h` and their helpers.")];
}

/** The emitter. */
export const statusEmitter: Emitter = { name: "ts-status", emit: emitStatus };
