import fc from "fast-check";
import { renderProtoFiles } from "/work/main/generator/emit/proto.js";
import { loadFlowCodecs } from "/work/main/runtime/proto/index.js";
import { richFlowModel, entryArb } from "/work/main/test/proto/helpers.js";
const m = richFlowModel();
const c = loadFlowCodecs(m, renderProtoFiles(m, "//\n"))!;
const cols = c.specialized.createColumns(1);
const samples = fc.sample(entryArb(c.layout), { numRuns: 30, seed: 42 });
let shown = 0;
for (const e of samples) {
  const good = Uint8Array.from(c.protobufjs.encodeFlowEntry(e));
  for (let i = 0; i < good.length && shown < 6; i++) for (const v of [0, 1, 0x80, 0xff, 7, 2]) {
    const bad = Uint8Array.from(good); bad[i] = v;
    const a = c.protobufjs.decodeFlowEntry(bad), b = c.specialized.decodeFlowEntry(bad);
    const row = c.specialized.decodeRow(bad, cols, 0);
    if (a.ok !== b.ok || (row === null) !== b.ok) { shown++; console.log("diff at", i, v, "hex", Buffer.from(good.subarray(Math.max(0,i-6), i+8)).toString("hex"), a.ok ? "ref ok" : a.error.message, "|", b.ok ? "fast ok" : b.error.message, "|", row ? row.message : "row ok"); break; }
  }
}
