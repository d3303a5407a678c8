/**
 * End-to-end harness: real `node bin/dashflow.mjs` processes on loopback. Every process a test starts is tracked
 * and killed by `killAll()` (call it in afterAll), so a failing test never leaves servers behind.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPipeline } from "../../generator/pipeline.js";
import type { SaiModel } from "../../generator/model/types.js";
import { createFlows, DEFAULT_ENI_MAC } from "../../runtime/cli/load.js";
import { DashClient } from "../../runtime/server/client.js";
import { splitFilter } from "../../runtime/server/filters.js";
import { loadSchema, type Schema } from "../../runtime/server/schema.js";
import { parseBatch } from "../../runtime/server/wire.js";
import { SaiCalls } from "../../runtime/sync/config.js";
import { parseMacText } from "../../runtime/values/address.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "dashflow.mjs");

const live = new Set<ChildProcess>();

/** Output of a finished CLI run. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** A CLI process that is still running. */
export interface RunningCli {
  readonly proc: ChildProcess;
  readonly done: Promise<CliRun>;
}

/** Starts `dashflow <args>`; `done` resolves when it exits (it is killed after `timeoutMs`). */
export function startCli(args: readonly string[], timeoutMs = 90_000): RunningCli {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  live.add(proc);
  let stdout = "";
  let stderr = "";
  proc.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
  const done = new Promise<CliRun>((resolve) =>
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      live.delete(proc);
      // let the pipes flush what the process wrote last
      setImmediate(() => resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 }));
    }),
  );
  return { proc, done };
}

/** Runs `dashflow <args>` to completion. */
export function cli(args: readonly string[], timeoutMs?: number): Promise<CliRun> {
  return startCli(args, timeoutMs).done;
}

/** A running `dashflow serve`. */
export interface Server {
  readonly proc: ChildProcess;
  readonly address: string;
  readonly port: number;
  /** Everything the server logged so far. */
  log(): string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
}

/** Starts `dashflow serve <args>` (port 0 unless `--port` is given) and waits for its `listening on HOST:PORT` line. */
export function startServer(args: readonly string[] = [], timeoutMs = 60_000): Promise<Server> {
  const port = args.includes("--port") ? [] : ["--port", "0"];
  const proc = spawn(process.execPath, [BIN, "serve", ...port, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  live.add(proc);
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) =>
    proc.on("exit", (code) => {
      live.delete(proc);
      resolve(code);
    }),
  );
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+):(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, address: `${m[1]}:${m[2]}`, port: Number(m[2]), log: () => err, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${err}`));
    });
  });
}

/** Kills every process the harness started that is still running. */
export function killAll(): void {
  for (const p of live) p.kill("SIGKILL");
  live.clear();
}

let model: SaiModel | null = null;
let schema: Schema | null = null;

/** The model of the repository's headers (built once per test file). */
export function testModel(): SaiModel {
  model ??= runPipeline([join(ROOT, "sai-headers")]).model;
  return model;
}

/** An in-process client (for polling and for calls the CLI does not make). */
export function client(address: string): DashClient {
  schema ??= loadSchema(testModel());
  return new DashClient(address, schema);
}

/** The `N flows, digest D` line of `dashflow digest`. */
export async function digest(address: string): Promise<{ count: number; digest: string }> {
  const c = client(address);
  try {
    const d = await c.unary("dashflow.DashflowControl", "Digest", {}, 30_000);
    return { count: Number(d.count ?? 0), digest: String(d.digest ?? "") };
  } finally {
    c.close();
  }
}

/** Creates synthetic flows in-process (setup for tests whose subject is not `dashflow load`). */
export async function loadFlows(address: string, o: { seed: number; versions: [number, number]; first?: number; count: number }): Promise<void> {
  const c = client(address);
  try {
    await c.ready();
    const mac = parseMacText(DEFAULT_ENI_MAC);
    if (!mac.ok) throw new Error(mac.error);
    const cfg = await new SaiCalls(c, testModel()).ensureEni({ eniMac: mac.value });
    schema ??= loadSchema(testModel());
    const r = await createFlows(c, schema, { seed: o.seed, versions: o.versions, switchId: cfg.switchId, eniMac: mac.value, vnetId: 100 }, o.first ?? 0, o.count, 8192, false);
    if (r.created !== o.count) throw new Error(`loadFlows: created ${r.created} of ${o.count}`);
  } finally {
    c.close();
  }
}

/** How many flows match text filters (`version>=2`), through the control Scan (in-process). */
export async function countFlows(address: string, filters: string[]): Promise<number> {
  const c = client(address);
  try {
    const fs = filters.map((f) => {
      const s = splitFilter(f);
      if (!s.ok) throw new Error(s.error);
      return s.filter;
    });
    let n = 0;
    for await (const chunk of c.serverStreamRaw("dashflow.DashflowControl", "Scan", { filters: fs }) as AsyncIterable<Buffer>) {
      const p = parseBatch(chunk);
      if (!p.ok) throw new Error(p.error);
      n += p.batch.count;
    }
    return n;
  } finally {
    c.close();
  }
}
