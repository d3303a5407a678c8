/**
 * `dashflow serve`: runs a runtime behind the gRPC services until SIGINT/SIGTERM, then shuts down gracefully
 * (running calls finish, the snapshot is saved). Prints `listening on HOST:PORT` on stdout once bound.
 */
import { parseArgs } from "node:util";
import { loadProfileFile } from "../validate/profile-load.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { streamLogger } from "../server/log.js";
import { startServer, StartError } from "../server/server.js";
import { CliFailure, UsageError, headerDirs, loadModel, parseCount } from "./common.js";

const HELP = `Usage: dashflow serve [--bind HOST] [--port N] [--role active|standby] [--profile FILE] [--snapshot FILE]
                      [--expected-flows N]

Runs a DASH flow runtime behind gRPC: the generated SAI services (SaiSwitchApi, SaiDashEniApi, SaiDashFlowApi),
the bulk-get target service a standby receives HA transfers on, and the dashflow control service.

  --bind HOST        address to listen on (default 127.0.0.1; loopback unless you say otherwise)
  --port N           port (default 0: a free one); prints "listening on HOST:PORT" when ready
  --role ROLE        active (default; ages flows) or standby (takes HA transfers, never ages)
  --profile FILE     vendor capability profile (YAML/JSON) to emulate a partial implementation
  --snapshot FILE    load flows from FILE at start (if it exists) and save them there at shutdown (atomically)
  --age-interval MS  how often an active ages idle flows (default 1000; 0 = never)
  --max-apply-rate N a standby applies at most N flows/s of an HA transfer (default: no limit); gRPC flow
                     control slows the active down accordingly
  --expected-flows N provision every flow table for N flows (default 0: grow as flows arrive): its index is
                     sized when the table is created and the memory its first N flows' slot rows use (about
                     110 B per flow with the index) is committed right after, in the background, so filling it
                     up to N never rehashes and takes no page faults. The first table's memory is committed
                     when the server starts (prints "provisioned for N flows per table" when done), so a
                     standby whose tables an HA sync creates has it ready
  --headers DIR      SAI header folder(s) (default: sai-headers/)

Stops on SIGINT/SIGTERM: running calls finish, the snapshot is saved, exit 0.
`;

/** Runs the serve command; resolves with the exit code once the server has stopped. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      bind: { type: "string" },
      port: { type: "string" },
      role: { type: "string" },
      profile: { type: "string" },
      snapshot: { type: "string" },
      "age-interval": { type: "string" },
      "max-apply-rate": { type: "string" },
      "expected-flows": { type: "string" },
      headers: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const role = values.role ?? "active";
  if (role !== "active" && role !== "standby") throw new UsageError(`--role must be active or standby, got "${role}"`);
  const port = parseCount("port", values.port, 0, 65535);
  const ageIntervalMs = parseCount("age-interval", values["age-interval"], 1000);
  const maxApplyRate = parseCount("max-apply-rate", values["max-apply-rate"], 0);
  const expectedFlowsPerTable = parseCount("expected-flows", values["expected-flows"], 0, 2 ** 31 - 1);
  const model = loadModel(headerDirs(values.headers));
  let profile;
  if (values.profile) {
    const r = loadProfileFile(values.profile, model);
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    if (!r.profile || errors.length > 0) throw new CliFailure(`profile ${values.profile} is not usable:\n${errors.map(formatDiagnostic).join("\n")}`, 2);
    profile = r.profile;
  }
  const log = streamLogger();
  let server;
  try {
    server = await startServer({ model, host: values.bind ?? "127.0.0.1", port, role, profile, snapshot: values.snapshot, log, ageIntervalMs, maxApplyRate, expectedFlowsPerTable });
  } catch (e) {
    if (e instanceof StartError) throw new CliFailure(e.message);
    throw e;
  }
  process.stdout.write(`listening on ${server.address}\n`);
  log.info(`serving as ${role} on ${server.address} (pid ${process.pid})`);
  if (expectedFlowsPerTable > 0) {
    const t0 = performance.now();
    void server.runtime.provisioned().then(() => {
      process.stdout.write(`provisioned for ${expectedFlowsPerTable} flows per table\n`);
      log.info(`memory for ${expectedFlowsPerTable} flows per table committed in ${Math.round(performance.now() - t0)} ms`);
    });
  }

  return await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // a second signal means "now": skip the grace period and the snapshot
        log.error(`${signal} again: exiting without waiting`);
        process.exit(1);
      }
      stopping = true;
      log.info(`${signal}: shutting down`);
      server!.close().then(
        () => {
          log.info("stopped");
          resolve(0);
        },
        (e: unknown) => {
          log.error(`shutdown: ${(e as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  });
}
