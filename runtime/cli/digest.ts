/**
 * `dashflow digest` and `dashflow info`: a server's flow count with an order-independent content digest (equal on
 * two servers exactly when they hold the same flows in the same states), and its role and tables.
 */
import { parseArgs } from "node:util";
import { DashClient } from "../server/client.js";
import { loadSchema } from "../server/schema.js";
import type { Msg } from "../server/convert.js";
import { headerDirs, loadModel, parseAddress } from "./common.js";

const DIGEST_HELP = `Usage: dashflow digest --target HOST:PORT [--json]

Prints the server's flow count and a 128-bit digest of every flow's key and state. The digest does not depend on
the order flows were created in, so two servers holding the same flows print the same line.
`;

const INFO_HELP = `Usage: dashflow info --target HOST:PORT [--json]

Prints the server's role, flow count and flow tables (id, flows, TTL).
`;

async function withClient<T>(argv: string[], help: string, run: (c: DashClient, json: boolean) => Promise<T>): Promise<T | number> {
  const { values } = parseArgs({
    args: argv,
    options: { target: { type: "string" }, json: { type: "boolean" }, headers: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const target = parseAddress("target", values.target);
  const client = new DashClient(target.address, loadSchema(loadModel(headerDirs(values.headers))));
  try {
    await client.ready();
    return await run(client, values.json === true);
  } finally {
    client.close();
  }
}

/** Runs the digest command. */
export async function digestCommand(argv: string[]): Promise<number> {
  const r = await withClient(argv, DIGEST_HELP, async (c, json) => {
    const d = await c.unary("dashflow.DashflowControl", "Digest", {}, 60_000);
    const count = Number(d.count ?? 0);
    const digest = String(d.digest ?? "");
    process.stdout.write(json ? JSON.stringify({ target: c.address, count, digest }) + "\n" : `${count} flows, digest ${digest}\n`);
    return 0;
  });
  return typeof r === "number" ? r : 0;
}

/** Runs the info command. */
export async function infoCommand(argv: string[]): Promise<number> {
  return await withClient(argv, INFO_HELP, async (c, json) => {
    const i = await c.unary("dashflow.DashflowControl", "Info", {}, 10_000);
    const tables = (i.flow_tables as Msg[] | undefined) ?? [];
    if (json) {
      process.stdout.write(JSON.stringify(i) + "\n");
      return 0;
    }
    process.stdout.write(`${c.address}: ${String(i.role)}, ${Number(i.flow_count ?? 0)} flows, ${tables.length} flow table(s), up ${Math.round(Number(i.uptime_ms ?? 0) / 1000)} s\n`);
    for (const t of tables)
      process.stdout.write(
        `  flow table oid:0x${BigInt(String(t.flow_table_id ?? 0)).toString(16)}: ${Number(t.flow_count ?? 0)} flows, TTL ${Number(t.ttl_ms ?? 0) ? `${Number(t.ttl_ms)} ms` : "none"}\n`,
      );
    return 0;
  });
}
