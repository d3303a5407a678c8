/**
 * HA bulk sync bench: `npm run bench -- sync [--flows N] [--runs R] [--no-ceiling] [--no-provision] [--json]`
 * (default 1,000,000 flows, 3 runs).
 *
 * Two `dashflow serve` processes on loopback, provisioned for the flows as a card is (`--expected-flows N`: the first
 * table's slot rows and index committed when the server starts, every table's index sized when it is created;
 * `--no-provision` starts them without it): N synthetic flows are loaded into the active (through the SAI bulk
 * create rpc), then each run syncs them to a fresh standby exactly as `dashflow sync` does (pairing creates the
 * standby's flow table and provisions it for the active's flow count, filters, GRPC-mode bulk get session, HA apply
 * on the standby). Each run's standby is started first and the sync begins once it has committed its start-time
 * memory (a standby that has been up; how long its start took is printed beside the run). Reported per run: the
 * transfer as the standby saw it (first batch to end of stream) and the whole `sync` (pairing, provisioning,
 * session set-up, transfer, completion check). `--thp` runs the servers with glibc's `glibc.malloc.hugetlb=1`
 * tunable, as README advises for tables of tens of millions of flows: our hosts enable transparent huge pages only
 * where asked (`madvise`); with
 * it a 32M-flow sync ran faster (30.2 s against 35.3–36.9 s), at 1M flows the kernel's compaction for huge pages
 * made the provisioning, and so the whole sync, vary more (0.84–1.14M/s against 1.02–1.13M/s).
 *
 * Beside it, measured on this machine in the same run: the transport ceiling — the active's own pre-encoded batches
 * (fetched once through the control Scan) pushed from this process to a null target process that only counts
 * bytes, with identity serializers (PERFORMANCE.md's "raw pre-encoded bytes, 2 processes" row) — and the active
 * alone (a GRPC-mode session into the null target: scan, encode and send, nothing applied), and the standby alone
 * (the same pre-encoded batches pushed into a fresh standby: receive, parse and apply). The sync cannot beat any of
 * the three.
 *
 * Target (issue): ≥ 1M flows/s; PERFORMANCE.md measured the raw-bytes ceiling at ~0.9–1.2M flows/s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { createFlows } from "../runtime/cli/load.js";
import { headerDirs, loadModel, PACKAGE_ROOT } from "../runtime/cli/common.js";
import { DashClient, CLIENT_OPTIONS } from "../runtime/server/client.js";
import { SaiCalls } from "../runtime/sync/config.js";
import { runSync } from "../runtime/sync/driver.js";
import { loadSchema } from "../runtime/server/schema.js";
import { parseBatch } from "../runtime/server/wire.js";
import { WideWindowServer } from "../runtime/server/window.js";

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Pushes pre-encoded SaiDashFlowBatch messages on one Push stream (identity serializers); resolves with the ms taken. */
async function pushRaw(address: string, batches: readonly Buffer[]): Promise<number> {
  const c = new grpc.Client(address, grpc.credentials.createInsecure(), CLIENT_OPTIONS);
  const t0 = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const call = c.makeClientStreamRequest<Buffer, Buffer>("/sai.SaiDashFlowBulkGetTarget/Push", (b) => b, (b) => b, new grpc.Metadata(), {}, (e) => (e ? reject(e) : resolve()));
      let i = 0;
      const pump = () => {
        while (i < batches.length) if (!call.write(batches[i++]!)) return void call.once("drain", pump);
        call.end();
      };
      pump();
    });
    return performance.now() - t0;
  } finally {
    c.close();
  }
}

// child mode: a Push target that counts bytes and answers, nothing else
if (argv[0] === "--null-target") {
  // the standby's own server kind, so the ceiling has the standby's receive window
  const server = new WideWindowServer({ "grpc.max_receive_message_length": -1 });
  server.addService(
    {
      Push: {
        path: "/sai.SaiDashFlowBulkGetTarget/Push",
        requestStream: true,
        responseStream: false,
        requestSerialize: (b: Buffer) => b,
        requestDeserialize: (b: Buffer) => b,
        responseSerialize: (b: Buffer) => b,
        responseDeserialize: (b: Buffer) => b,
      },
    },
    {
      Push: (call: grpc.ServerReadableStream<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
        let bytes = 0;
        call.on("data", (b: Buffer) => (bytes += b.length));
        call.on("end", () => cb(null, Buffer.from([0x20, 0x01, 0x10, bytes > 0 ? 1 : 0])));
      },
    },
  );
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, port) => {
    if (e) throw e;
    process.stdout.write(`listening on 127.0.0.1:${port}\n`);
  });
} else await main();

async function main(): Promise<void> {
  const N = Number(arg("--flows") ?? 1_000_000);
  const RUNS = Number(arg("--runs") ?? 3);
  const JSON_OUT = argv.includes("--json");
  const CEILING = !argv.includes("--no-ceiling");
  const PROVISION = argv.includes("--no-provision") ? [] : ["--expected-flows", String(N)];
  const THP = argv.includes("--thp");
  const serverEnv = THP ? { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, "glibc.malloc.hugetlb=1"].filter(Boolean).join(":") } : process.env;
  const procs: ChildProcess[] = [];
  const bin = join(PACKAGE_ROOT, "bin", "dashflow.mjs");

  /** Resolves with the first match of `re` in the child's stdout. */
  const line = (proc: ChildProcess, re: RegExp): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      let out = "";
      proc.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = re.exec(out);
        if (m) resolve(m);
      });
      proc.on("exit", (code) => reject(new Error(`child exited with ${code} before printing ${re}`)));
    });
  const started = async (proc: ChildProcess): Promise<string> => {
    procs.push(proc);
    return (await line(proc, /listening on (\S+)/))[1]!;
  };
  /** A server; with --expected-flows, resolved once it has committed the memory it provisions at start. */
  const serve = async (role: string): Promise<{ address: string; provisionMs: number }> => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [bin, "serve", "--port", "0", "--role", role, "--age-interval", "0", ...PROVISION], { stdio: ["ignore", "pipe", "ignore"], env: serverEnv });
    const provisioned = PROVISION.length > 0 ? line(proc, /provisioned for \d+ flows per table/) : null;
    const address = await started(proc);
    if (provisioned) await provisioned;
    return { address, provisionMs: performance.now() - t0 };
  };
  const stopAll = () => procs.forEach((p) => p.kill("SIGKILL"));
  process.on("exit", stopAll);

  const model = loadModel(headerDirs(undefined));
  const schema = loadSchema(model);
  const log = (s: string) => !JSON_OUT && process.stdout.write(s + "\n");
  log(`sync bench: ${N.toLocaleString("en")} flows, ${RUNS} run(s), load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);

  const activeAddr = (await serve("active")).address;
  const active = new DashClient(activeAddr, schema);
  await active.ready(30_000);
  const cfg = await new SaiCalls(active, model).ensureEni({ eniMac: Uint8Array.of(0, 0xaa, 0xbb, 0xcc, 0xdd, 1) });
  const load = await createFlows(active, schema, { seed: 1, versions: [1, 10], switchId: cfg.switchId, eniMac: Uint8Array.of(0, 0xaa, 0xbb, 0xcc, 0xdd, 1), vnetId: 100 }, 0, N, 8192, false);
  if (load.created !== N) throw new Error(`load created ${load.created} of ${N} flows (first failure ${load.firstFailure})`);
  log(`load (SAI bulk create, 8192/batch): ${(N / (load.ms / 1000) / 1e6).toFixed(2)}M flows/s`);

  const results: { transfer: number; total: number; provisioningMs: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    // a standby that has been up: started with --expected-flows N, it has committed the memory of the table the sync
    // will create (timed here, printed beside the run, not part of the sync)
    const { address: standbyAddr, provisionMs: standbyStartMs } = await serve("standby");
    const standby = new DashClient(standbyAddr, schema);
    await standby.ready(30_000);
    const [host, port] = [standbyAddr.slice(0, standbyAddr.lastIndexOf(":")), Number(standbyAddr.slice(standbyAddr.lastIndexOf(":") + 1))];
    const s = await runSync({ model, active, standby, standbyHost: host, standbyPort: port });
    if (s.received !== N || s.inserted !== N || !s.complete) throw new Error(`run ${r}: incomplete transfer ${JSON.stringify(s, (_, v) => (typeof v === "bigint" ? String(v) : v))}`);
    if (r === 0) {
      const [a, b] = await Promise.all([active.unary("dashflow.DashflowControl", "Digest", {}), standby.unary("dashflow.DashflowControl", "Digest", {})]);
      if (a.digest !== b.digest) throw new Error("digests differ after the sync");
    }
    const transfer = N / (s.transferMs / 1000);
    const total = N / (s.ms / 1000);
    results.push({ transfer, total, provisioningMs: s.provisioningMs });
    log(
      `run ${r + 1}: transfer ${(transfer / 1e6).toFixed(2)}M flows/s (${s.transferMs} ms), whole sync ${(total / 1e6).toFixed(2)}M flows/s (${Math.round(s.ms)} ms; ` +
        `pairing ${Math.round(s.pairingMs)} ms, provisioning the standby ${Math.round(s.provisioningMs)} ms; the standby's start ${Math.round(standbyStartMs)} ms before it)`,
    );
    standby.close();
    procs.pop()!.kill("SIGKILL");
  }

  let ceiling: number | null = null;
  let sender: number | null = null;
  let standbyAlone: number | null = null;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  if (CEILING) {
    // the active's own batches, pre-encoded, as the sender would push them
    const batches: Buffer[] = [];
    let flows = 0;
    for await (const chunk of active.serverStreamRaw("dashflow.DashflowControl", "Scan", { batch_size: 1024 }) as AsyncIterable<Buffer>) {
      const p = parseBatch(chunk);
      if (p.ok) flows += p.batch.count;
      batches.push(chunk);
    }
    const nullAddr = await started(spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--null-target"], { stdio: ["ignore", "pipe", "inherit"] }));
    const rates: number[] = [];
    for (let r = 0; r < RUNS; r++) rates.push(flows / ((await pushRaw(nullAddr, batches)) / 1000));
    rates.sort((a, b) => a - b);
    ceiling = rates[Math.floor(rates.length / 2)]!;
    log(`transport ceiling on this machine now (raw pre-encoded batches of 1024, identity serializers, 2 processes): ${(ceiling / 1e6).toFixed(2)}M flows/s median of ${RUNS}`);

    // the standby alone: the same pre-encoded batches pushed from this process into a fresh, paired standby
    // (receive, parse and apply by the HA rule; nothing to scan or encode)
    const applyRates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const addr = (await serve("standby")).address;
      const sc = new DashClient(addr, schema);
      await sc.ready(30_000);
      const table = (await new SaiCalls(sc, model).ensureEni({ eniMac: Uint8Array.of(0, 0xaa, 0xbb, 0xcc, 0xdd, 1) })).flowTableId;
      // provisioned as the sync driver does it (answers once the table's memory is committed)
      await sc.unary("dashflow.DashflowControl", "Reserve", { flow_table_id: String(table), flows }, 120_000);
      applyRates.push(flows / ((await pushRaw(addr, batches)) / 1000));
      const d = await sc.unary("dashflow.DashflowControl", "Digest", {});
      if (Number(d.count) !== flows) throw new Error(`standby alone: ${String(d.count)} of ${flows} flows applied`);
      sc.close();
      procs.pop()!.kill("SIGKILL");
    }
    standbyAlone = med(applyRates);
    log(`the standby alone (the same batches pushed into a fresh standby: receive, parse, apply): ${(standbyAlone / 1e6).toFixed(2)}M flows/s median of ${RUNS}`);

    // the active alone: a GRPC-mode session into the null target (scan + encode + send, nothing applied)
    const sw = ((await active.unary("dashflow.DashflowControl", "Info", {})).switch_ids as string[])[0];
    const port = Number(nullAddr.slice(nullAddr.lastIndexOf(":") + 1));
    const senderRates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const sess = await active.unary("sai.SaiDashFlowApi", "CreateFlowEntryBulkGetSession", {
        switch_id: sw,
        attributes: { bulk_get_session_server_ip: { ipv4: 0x7f000001 }, bulk_get_session_server_port: port },
      });
      const rep = await active.unary("dashflow.DashflowControl", "AwaitSession", { session_id: sess.object_id });
      senderRates.push(Number(rep.flows ?? 0) / ((performance.now() - t0) / 1000));
      await active.unary("sai.SaiDashFlowApi", "RemoveFlowEntryBulkGetSession", { object_id: sess.object_id });
    }
    sender = [...senderRates].sort((a, b) => a - b)[Math.floor(senderRates.length / 2)]!;
    log(`the active alone (its bulk get session into the null target: scan, encode, send): ${(sender / 1e6).toFixed(2)}M flows/s median of ${RUNS}`);
  }

  const summary = {
    flows: N,
    runs: RUNS,
    provisioned: PROVISION.length > 0,
    thp: THP,
    transferMedian: Math.round(med(results.map((r) => r.transfer))),
    transferBest: Math.round(Math.max(...results.map((r) => r.transfer))),
    wholeSyncMedian: Math.round(med(results.map((r) => r.total))),
    provisioningMsMedian: Math.round(med(results.map((r) => r.provisioningMs))),
    ceilingMedian: ceiling === null ? null : Math.round(ceiling),
    activeAloneMedian: sender === null ? null : Math.round(sender),
    standbyAloneMedian: standbyAlone === null ? null : Math.round(standbyAlone),
    target: 1_000_000,
    documentedCeiling: "0.9-1.2M flows/s (PERFORMANCE.md, raw pre-encoded bytes, 2 processes)",
    loadavg: loadavg().map((l) => Number(l.toFixed(2))),
  };
  if (JSON_OUT) process.stdout.write(JSON.stringify(summary) + "\n");
  else
    log(
      `HA sync: ${(summary.transferMedian / 1e6).toFixed(2)}M flows/s median transfer (best ${(summary.transferBest / 1e6).toFixed(2)}M), ` +
        `${(summary.wholeSyncMedian / 1e6).toFixed(2)}M flows/s whole sync; target ≥ 1M; ceiling ${ceiling === null ? "not measured" : `${(ceiling / 1e6).toFixed(2)}M measured now`}, ${summary.documentedCeiling}`,
    );
  active.close();
  stopAll();
  process.exit(0);
}
