/**
 * `dashflow load`: makes sure the switch, flow table, ENI and ENI ether address map entry exist on a server, then
 * creates N synthetic flows (deterministic for a seed) through the SAI bulk create rpc, in large batches with a
 * few in flight so the server never waits for the client.
 */
import { parseArgs } from "node:util";
import { formatMac, parseMacText } from "../values/address.js";
import type { Msg } from "../server/convert.js";
import { DashClient } from "../server/client.js";
import { loadSchema, messageType } from "../server/schema.js";
import { SaiCalls, SaiCallError, statusText } from "../sync/config.js";
import { CliFailure, UsageError, headerDirs, human, loadModel, parseAddress, parseCount } from "./common.js";
import { flowProgress } from "./progress.js";
import { syntheticFlow, type SyntheticOptions } from "./synthetic.js";

const HELP = `Usage: dashflow load --target HOST:PORT --flows N [--seed S] [--table-ttl MS] [--versions A-B]

Creates the switch / flow table / ENI (+ ENI ether address map entry) if missing, then N synthetic flows through
SaiDashFlowApi.CreateFlowEntries in large batches. The same seed always gives the same flows; the version range
only changes versions, so loading a seed again with newer versions yields newer versions of the same flows.

  --target HOST:PORT  server to load
  --flows N           how many flows (0 = only the objects)
  --first I           start at flow I of the set (default 0): flows I..I+N-1
  --seed S            flow set (default 1); source VMs are 10.<S>.0.1-200, destinations 172.16.0.1-50
  --versions A-B      SAI_FLOW_ENTRY_ATTR_VERSION drawn from A..B (default 1-10)
  --table-ttl MS      FLOW_TTL_IN_MILLISECONDS of the flow table (idle flows age out on the active)
  --eni-mac MAC       ENI the flows belong to (default 00:AA:BB:CC:DD:01)
  --vnet N            vnet_id of the flow keys (default 100)
  --batch N           flows per bulk create (default 8192)
  --no-progress       no progress bar (it is also off when stderr is not a terminal)
  --headers DIR       SAI header folder(s) (default: sai-headers/)

Exit: 0 every flow created (or already present), 1 some failed or the server is unreachable, 2 bad usage.
`;

const ALREADY_EXISTS = -6;
const IN_FLIGHT = 3;
export const DEFAULT_ENI_MAC = "00:AA:BB:CC:DD:01";

/** Parses `A-B` (or a single `A`) into an inclusive range of u32 versions. */
export function parseVersions(text: string | undefined): [number, number] {
  if (text === undefined) return [1, 10];
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new UsageError(`--versions: expected A-B (e.g. 1-10) or a single version, got "${text}"`);
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  if (a > 0xffffffff || b > 0xffffffff) throw new UsageError(`--versions: versions are 32-bit (at most 4294967295)`);
  if (a > b) throw new UsageError(`--versions: A must not exceed B, got "${text}"`);
  return [a, b];
}

/** Runs the load command. */
export async function loadCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: "string" },
      flows: { type: "string" },
      first: { type: "string" },
      seed: { type: "string" },
      versions: { type: "string" },
      "table-ttl": { type: "string" },
      "eni-mac": { type: "string" },
      vnet: { type: "string" },
      batch: { type: "string" },
      "no-progress": { type: "boolean" },
      headers: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const target = parseAddress("target", values.target);
  if (values.flows === undefined) throw new UsageError("--flows N is required");
  const flows = parseCount("flows", values.flows, 0);
  const first = parseCount("first", values.first, 0);
  const seed = parseCount("seed", values.seed, 1, 0xffffffff);
  const versions = parseVersions(values.versions);
  const ttlMs = values["table-ttl"] === undefined ? undefined : parseCount("table-ttl", values["table-ttl"], 0, 0xffffffff);
  const macText = values["eni-mac"] ?? DEFAULT_ENI_MAC;
  const mac = parseMacText(macText);
  if (!mac.ok) throw new UsageError(`--eni-mac: ${mac.error}`);
  const vnetId = parseCount("vnet", values.vnet, 100, 0xffff);
  const batch = parseCount("batch", values.batch, 8192, 1 << 17) || 8192;

  const model = loadModel(headerDirs(values.headers));
  const schema = loadSchema(model);
  const client = new DashClient(target.address, schema);
  try {
    await client.ready();
    const calls = new SaiCalls(client, model);
    const cfg = await calls.ensureEni({ eniMac: mac.value, ttlMs });
    if (cfg.created.length > 0) process.stderr.write(`created ${cfg.created.join(", ")} for ENI ${formatMac(mac.value)} on ${target.address}\n`);
    if (cfg.changed.length > 0) process.stderr.write(`changed ${cfg.changed.join(", ")} for ENI ${formatMac(mac.value)} on ${target.address}\n`);
    if (flows === 0) {
      process.stdout.write(`ENI ${formatMac(mac.value)} ready on ${target.address} (flow table ${cfg.flowTableId})\n`);
      return 0;
    }
    const r = await createFlows(client, schema, { seed, versions, switchId: cfg.switchId, eniMac: mac.value, vnetId }, first, flows, batch, !values["no-progress"]);
    const secs = r.ms / 1000;
    const failed = r.failed > 0 ? `, ${r.failed} failed (first: ${statusText(model, r.firstFailure)})` : "";
    process.stdout.write(
      `loaded ${r.created} flows into ${target.address}${r.existed ? ` (${r.existed} already present)` : ""}${failed} in ${secs.toFixed(2)} s (${human(flows / Math.max(secs, 1e-9))} flows/s)\n`,
    );
    return r.failed > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof SaiCallError) throw new CliFailure(e.message);
    throw e;
  } finally {
    client.close();
  }
}

/** Counts of a load. */
export interface LoadResult {
  created: number;
  existed: number;
  failed: number;
  firstFailure: number;
  ms: number;
}

/** Creates flows first..first+n-1 of a synthetic set through bulk create, a few batches in flight. */
export async function createFlows(
  client: DashClient,
  schema: ReturnType<typeof loadSchema>,
  o: SyntheticOptions,
  first: number,
  n: number,
  batch: number,
  progress = true,
): Promise<LoadResult> {
  const reqType = messageType(schema, "sai.CreateFlowEntriesRequest");
  const bar = flowProgress("load", n, progress && process.stderr.isTTY === true);
  const r: LoadResult = { created: 0, existed: 0, failed: 0, firstFailure: 0, ms: 0 };
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < n) {
      const from = next;
      const to = Math.min(n, from + batch);
      next = to;
      const items: Msg[] = new Array(to - from);
      for (let i = from; i < to; i++) items[i - from] = syntheticFlow(first + i, o);
      // IGNORE_ERROR: a flow that already exists must not stop the rest of its batch
      const bytes = reqType.encode({ items, mode: 1 }).finish();
      const res = await client.unary("sai.SaiDashFlowApi", "CreateFlowEntries", bytes, 120_000);
      const statuses = (res.statuses as number[] | undefined) ?? [];
      if (statuses.length === 0 && Number(res.status ?? 0) !== 0) {
        r.failed += to - from;
        r.firstFailure ||= Number(res.status);
      }
      for (const s of statuses) {
        if (s === 0) r.created++;
        else if (s === ALREADY_EXISTS) r.existed++;
        else {
          r.failed++;
          r.firstFailure ||= s;
        }
      }
      done += to - from;
      bar.update(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    bar.stop();
  }
  r.ms = performance.now() - t0;
  return r;
}
