/**
 * `dashflow sync`: one HA bulk transfer from an active to a standby (see `runtime/sync/driver.ts`), with a
 * progress bar and a final summary. Exit 0 only when the transfer finished.
 */
import { parseArgs } from "node:util";
import { DashClient } from "../server/client.js";
import { loadSchema } from "../server/schema.js";
import { SaiCallError } from "../sync/config.js";
import { runSync, SyncFailure, type SyncSummary } from "../sync/driver.js";
import { CliFailure, UsageError, headerDirs, human, loadModel, parseAddress, parseCount } from "./common.js";
import { flowProgress, type Progress } from "./progress.js";

const HELP = `Usage: dashflow sync --from HOST:PORT --to HOST:PORT [--version-min A] [--version-max B]

HA bulk transfer: creates KEY_VERSION filters for the range on the active (--from), then a GRPC-mode flow entry
bulk get session whose target is the standby (--to). The active streams the selected flows to the standby, which
applies them by the HA rule: insert a missing flow, replace one only with a newer version, never go backwards; a
flow the active marks FLOW_PENDING_DELETE (SAI_FLOW_ENTRY_ATTR_DASH_FLOW_SYNC_STATE) is removed from the standby
only if the standby holds it in the same version.
Before the transfer the standby gets any ENI (flow table, ENI, MAC map entry) it lacks.

  --from HOST:PORT     the active
  --to HOST:PORT       the standby (must run with --role standby); the active connects to this address
  --version-min A      only flows with version >= A
  --version-max B      only flows with version <= B (inclusive; "version < 5" is --version-max 4)
  --stall-timeout MS   give up when nothing arrives for this long (default 10000)
  --no-progress        no progress bar (it is also off when stderr is not a terminal)
  --headers DIR        SAI header folder(s) (default: sai-headers/)

Exit: 0 the transfer finished (every selected flow reached the standby and was applied or kept as newer),
1 it did not (standby or active died, an entry was refused, no progress) — run it again, nothing is lost,
2 bad usage.
`;

/** The summary lines of a transfer. */
export function describeSummary(s: Partial<SyncSummary>): string {
  const secs = (s.ms ?? 0) / 1000;
  const tsecs = (s.transferMs ?? 0) / 1000;
  const rate = tsecs > 0 ? human((s.received ?? 0) / tsecs) : "0";
  return [
    `${s.sent === undefined ? "" : `sent ${s.sent}, `}received ${s.received ?? 0}, applied ${(s.inserted ?? 0) + (s.updated ?? 0)} (inserted ${s.inserted ?? 0}, updated ${s.updated ?? 0}), ` +
      `skipped as older ${s.skipped ?? 0}, ${s.deleted ? `deleted ${s.deleted}, ` : ""}failed ${s.failed ?? 0}`,
    ...(s.ms !== undefined
      ? [
          `${secs.toFixed(2)} s in all` +
            (s.pairingMs !== undefined ? ` (pairing ${(s.pairingMs / 1000).toFixed(2)} s, provisioning the standby ${((s.provisioningMs ?? 0) / 1000).toFixed(2)} s)` : "") +
            `, transfer ${tsecs.toFixed(2)} s at ${rate} flows/s`,
        ]
      : []),
  ].join("; ");
}

/** Runs the sync command. */
export async function syncCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      "version-min": { type: "string" },
      "version-max": { type: "string" },
      "stall-timeout": { type: "string" },
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
  const from = parseAddress("from", values.from);
  const to = parseAddress("to", values.to);
  if (from.address === to.address) throw new UsageError("--from and --to name the same server");
  const vmin = values["version-min"] === undefined ? undefined : parseCount("version-min", values["version-min"], 0, 0xffffffff);
  const vmax = values["version-max"] === undefined ? undefined : parseCount("version-max", values["version-max"], 0, 0xffffffff);
  if (vmin !== undefined && vmax !== undefined && vmin > vmax) throw new UsageError(`--version-min ${vmin} is above --version-max ${vmax}: nothing to transfer`);
  const stallMs = parseCount("stall-timeout", values["stall-timeout"], 10_000) || 10_000;

  const model = loadModel(headerDirs(values.headers));
  const schema = loadSchema(model);
  const active = new DashClient(from.address, schema);
  const standby = new DashClient(to.address, schema);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  // assigned inside the progress callback, so kept in an object the type checker does not narrow
  const ui: { bar: Progress | null } = { bar: null };
  try {
    await Promise.all([active.ready().catch((e: Error) => Promise.reject(new CliFailure(`active: ${e.message}`))), standby.ready().catch((e: Error) => Promise.reject(new CliFailure(`standby: ${e.message}`)))]);
    const s = await runSync({
      model,
      active,
      standby,
      standbyHost: to.host,
      standbyPort: to.port,
      versionMin: vmin,
      versionMax: vmax,
      stallMs,
      signal: abort.signal,
      onProgress: (p) => {
        ui.bar ??= flowProgress("sync", p.expected, !values["no-progress"] && process.stderr.isTTY === true);
        ui.bar.update(p.received, Math.max(p.expected, p.received));
      },
    });
    ui.bar?.stop();
    for (const p of s.paired) process.stderr.write(`paired standby: ENI ${p}\n`);
    const range = vmin === undefined && vmax === undefined ? "all versions" : `versions ${vmin ?? 0}..${vmax ?? "max"}`;
    process.stdout.write(`sync ${from.address} -> ${to.address} (${range}) finished: ${describeSummary(s)}\n`);
    if (s.failed > 0) {
      process.stderr.write(`dashflow sync: the standby refused ${s.failed} flow(s); see its log\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    ui.bar?.stop();
    if (e instanceof SyncFailure) throw new CliFailure(`sync ${from.address} -> ${to.address} failed: ${e.message}\n  so far: ${describeSummary(e.partial)}`);
    if (e instanceof SaiCallError) throw new CliFailure(`sync ${from.address} -> ${to.address} failed: ${e.message}`);
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    active.close();
    standby.close();
  }
}
