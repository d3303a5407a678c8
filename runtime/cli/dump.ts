/**
 * `dashflow dump`: flow diagnosis ("show me 10 flows from VM A to VM B:443"). Filters are checked before
 * connecting; the server scans with them and streams pre-encoded batches, which are decoded here and printed as a
 * table, JSON or JSON lines, or written as a SONiC-style gzip JSONL dump.
 */
import { createWriteStream, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { parseArgs } from "node:util";
import { DashClient, describeGrpcError } from "../server/client.js";
import { compileFilters, splitFilter, FILTER_FIELDS, MAX_FILTERS, type FilterText } from "../server/filters.js";
import { loadSchema } from "../server/schema.js";
import { parseBatch } from "../server/wire.js";
import { CliFailure, UsageError, headerDirs, loadModel, parseAddress, parseCount } from "./common.js";
import { FlowFormatter, tableRows, type FlowText } from "./flow-format.js";

const HELP = `Usage: dashflow dump --target HOST:PORT [--filter EXPR]... [--limit N] [--format table|json|jsonl] [--keys-only] [--out FILE.jsonl.gz]

Flow diagnosis: prints the flows matching every filter (at most ${MAX_FILTERS}, AND-ed).

  --filter EXPR   FIELD OP VALUE with FIELD one of ${FILTER_FIELDS.join(", ")}
                  and OP one of = > >= < <= ; e.g. --filter src_ip=10.1.0.1 --filter dst_port=443
  --limit N       at most N flows (default: all)
  --format F      table (default), json (one array) or jsonl (one flow per line)
  --keys-only     only the flow keys
  --out FILE      write a SONiC-style gzip JSONL flow dump instead of printing: one object per flow, the key
                  members (sairedis text) then every attribute by name — the layout of the VENDOR-mode bulk get
                  dump; written atomically
  --headers DIR   SAI header folder(s) (default: sai-headers/)

Exit: 0 done (also when nothing matched), 1 server unreachable or scan failed, 2 bad usage or filter.
`;

/** Runs the dump command. */
export async function dumpCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      target: { type: "string" },
      filter: { type: "string", multiple: true },
      limit: { type: "string" },
      format: { type: "string" },
      "keys-only": { type: "boolean" },
      out: { type: "string" },
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
  const texts: FilterText[] = [];
  for (const f of values.filter ?? []) {
    const s = splitFilter(f);
    if (!s.ok) throw new UsageError(s.error);
    texts.push(s.filter);
  }
  const compiled = compileFilters(texts);
  if (!compiled.ok) throw new UsageError(compiled.error);
  const limit = parseCount("limit", values.limit, 0);
  const format = values.format ?? "table";
  if (!["table", "json", "jsonl"].includes(format)) throw new UsageError(`--format must be table, json or jsonl, got "${format}"`);
  if (values.out && values.format) throw new UsageError("--out writes the JSONL dump format; leave out --format");
  const keysOnly = values["keys-only"] === true;

  const model = loadModel(headerDirs(values.headers));
  const schema = loadSchema(model);
  const fmt = new FlowFormatter(model);
  const client = new DashClient(target.address, schema);
  try {
    await client.ready();
    const stream = client.serverStreamRaw("dashflow.DashflowControl", "Scan", { filters: texts, limit });
    // each chunk is a SaiDashFlowBatch; flows are decoded and formatted one batch at a time
    const flows = async function* (): AsyncGenerator<FlowText> {
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          const p = parseBatch(chunk);
          if (!p.ok) throw new CliFailure(`${target.address} sent a malformed batch: ${p.error}`);
          const b = p.batch;
          for (let i = 0; i < b.count; i++) {
            const d = fmt.decode(b.records.subarray(b.offsets[i]!, b.offsets[i]! + b.lengths[i]!));
            if (!d.ok) throw new CliFailure(`${target.address} sent a flow that does not decode: ${d.error}`);
            yield fmt.format(d.entry, keysOnly);
          }
        }
      } catch (e) {
        if (e instanceof CliFailure) throw e;
        const re = describeGrpcError(target.address, e);
        throw new CliFailure(`scan failed: ${re.message}`, re.code === 3 /* INVALID_ARGUMENT */ ? 2 : 1);
      }
    };
    if (values.out) {
      const n = await writeDump(values.out, flows(), (t) => fmt.dumpLine(t) + "\n");
      process.stderr.write(`wrote ${n} flows to ${values.out}\n`);
      return 0;
    }
    let n = 0;
    if (format === "table") {
      const all: FlowText[] = [];
      for await (const t of flows()) all.push(t);
      n = all.length;
      if (n > 0) process.stdout.write(tableRows(all, keysOnly).join("\n") + "\n");
    } else if (format === "jsonl") {
      for await (const t of flows()) {
        n++;
        if (!process.stdout.write(JSON.stringify(fmt.jsonObject(t, keysOnly)) + "\n")) await new Promise((r) => process.stdout.once("drain", r));
      }
    } else {
      const all: unknown[] = [];
      for await (const t of flows()) all.push(fmt.jsonObject(t, keysOnly));
      n = all.length;
      process.stdout.write(JSON.stringify(all, null, 2) + "\n");
    }
    process.stderr.write(`${n} flow(s)${limit && n === limit ? ` (limit ${limit})` : ""}\n`);
    return 0;
  } finally {
    client.close();
  }
}

/** Writes lines through gzip into a temporary sibling and renames it into place: readers never see half a dump. */
async function writeDump<T>(path: string, items: AsyncIterable<T>, line: (t: T) => string): Promise<number> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let n = 0;
  const source = Readable.from(
    (async function* () {
      for await (const t of items) {
        n++;
        yield line(t);
      }
    })(),
  );
  try {
    await pipeline(source, createGzip(), createWriteStream(tmp));
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return n;
}
