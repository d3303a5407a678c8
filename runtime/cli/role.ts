/**
 * `dashflow role`: switches a server between active and standby (HA failover and recovery). Becoming active
 * restarts every flow's idle timer, so a failover does not age out the flows the standby was given.
 */
import { parseArgs } from "node:util";
import { DashClient } from "../server/client.js";
import { loadSchema } from "../server/schema.js";
import { UsageError, headerDirs, loadModel, parseAddress } from "./common.js";

const HELP = `Usage: dashflow role --target HOST:PORT active|standby

Sets the server's HA role. An active ages flows and refuses HA transfers; a standby takes HA transfers
(\`dashflow sync --to\`) and never ages (its flows follow the active). Prints the new state.
`;

/** Runs the role command. */
export async function roleCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { target: { type: "string" }, headers: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const target = parseAddress("target", values.target);
  const role = positionals[0];
  if (positionals.length !== 1 || (role !== "active" && role !== "standby")) throw new UsageError("give the new role: active or standby");
  const client = new DashClient(target.address, loadSchema(loadModel(headerDirs(values.headers))));
  try {
    await client.ready();
    const i = await client.unary("dashflow.DashflowControl", "SetRole", { role }, 10_000);
    process.stdout.write(`${target.address}: ${String(i.role)}, ${Number(i.flow_count ?? 0)} flows\n`);
    return 0;
  } finally {
    client.close();
  }
}
