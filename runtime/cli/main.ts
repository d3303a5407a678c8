/**
 * `dashflow`: the runtime's command line — a gRPC server around the reference runtime, and the clients that load
 * it, move flows between an active and a standby, and diagnose flows. Each subcommand lives in its own module.
 */
import { RpcError } from "../server/client.js";
import { CliFailure, UsageError } from "./common.js";

type Run = (argv: string[]) => Promise<number> | number;

interface Command {
  summary: string;
  /** Loaded on use: a client command should not pay for importing the runtime a server needs. */
  load(): Promise<Run>;
}

const COMMANDS: Record<string, Command> = {
  serve: { summary: "run a runtime behind the generated gRPC services (active or standby)", load: async () => (await import("./serve.js")).serveCommand },
  load: { summary: "create the ENI objects and N synthetic flows on a server (bulk create)", load: async () => (await import("./load.js")).loadCommand },
  sync: { summary: "HA bulk transfer of flows (a version range) from an active to a standby", load: async () => (await import("./sync.js")).syncCommand },
  dump: { summary: "flow diagnosis: flows matching up to 5 filters, as a table, JSON or a gzip JSONL dump", load: async () => (await import("./dump.js")).dumpCommand },
  digest: { summary: "flow count and order-independent content digest of a server", load: async () => (await import("./digest.js")).digestCommand },
  info: { summary: "role, flow count and flow tables of a server", load: async () => (await import("./digest.js")).infoCommand },
  role: { summary: "switch a server between active and standby (HA failover, recovery)", load: async () => (await import("./role.js")).roleCommand },
  protos: { summary: "write the .proto files the server speaks (for clients in other languages)", load: async () => (await import("./protos.js")).protosCommand },
};

const HELP = `dashflow: DASH flow runtime over gRPC

Usage: dashflow <command> [options]      (dashflow <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join("\n")}

Exit codes: 0 success, 1 the operation failed (unreachable server, failed transfer, refused flows), 2 bad usage.
`;

/** Runs the CLI and returns the exit code; user errors are one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`dashflow: unknown command \`${name}\`\n\n${HELP}`);
    return 2;
  }
  try {
    return await (await cmd.load())(rest);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`dashflow ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    if (e instanceof CliFailure) {
      process.stderr.write(`dashflow ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof RpcError) {
      process.stderr.write(`dashflow ${name}: ${e.message}\n`);
      return 1;
    }
    // anything else is a bug of ours: one line for the user, the stack only on request
    process.stderr.write(`dashflow ${name}: internal error: ${(e as Error).message}\n`);
    if (process.env.DASHFLOW_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
