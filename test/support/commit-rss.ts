/**
 * Child-process probe for memory-commit tests: RSS deltas are only meaningful in a process that does nothing else
 * (a test worker's GC returns pages of earlier tests at any moment). Run with `node --import tsx`; prints one JSON
 * object of RSS deltas in bytes.
 *
 *   store N        lazy / eager (commitInitial) / capped (maxFlows 1000) FlowStores for N flows
 *   background N   a runtime with provisionInBackground: table creation, then after provisioned()
 *   pool N         the same, the table created only after the runtime committed its start-time memory: what the
 *                  runtime committed at start, then what creating and provisioning the table added
 */
import { runPipeline } from "../../generator/pipeline.js";
import { FlowStore } from "../../runtime/flowstore/index.js";
import { createRuntime } from "../../runtime/runtime.js";
import { dashLayout } from "../flowstore/dash-fixture.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const rss = () => process.memoryUsage.rss();
const [what, nText] = process.argv.slice(2);
const n = Number(nText);
const out: Record<string, number> = {};
if (what === "store") {
  const L = dashLayout();
  const keep: FlowStore[] = [];
  for (const [name, opts] of [["lazy", {}], ["eager", { commitInitial: true }], ["capped", { commitInitial: true, maxFlows: 1000 }]] as const) {
    const r0 = rss();
    keep.push(new FlowStore(L, { initialFlows: n, ...opts }));
    out[name] = rss() - r0;
  }
} else if (what === "background") {
  const model = runPipeline([join(ROOT, "sai-headers")]).model;
  const rt = createRuntime({ model, expectedFlowsPerTable: n, provisionInBackground: true });
  const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
  const r0 = rss();
  rt.create("SAI_OBJECT_TYPE_FLOW_TABLE", sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]);
  out.created = rss() - r0;
  await rt.provisioned();
  out.provisioned = rss() - r0;
  await rt.close();
} else if (what === "pool") {
  const model = runPipeline([join(ROOT, "sai-headers")]).model;
  const r0 = rss();
  const rt = createRuntime({ model, expectedFlowsPerTable: n, provisionInBackground: true });
  const sw = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]).objectId!;
  await rt.provisioned();
  out.start = rss() - r0;
  const r1 = rss();
  const table = rt.create("SAI_OBJECT_TYPE_FLOW_TABLE", sw, [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 127 }]).objectId!;
  rt.reserveFlows(table, n);
  await rt.provisioned();
  out.table = rss() - r1;
  await rt.close();
} else throw new Error(`unknown probe ${what}`);
process.stdout.write(JSON.stringify(out) + "\n");
