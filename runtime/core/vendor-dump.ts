/**
 * VENDOR-mode bulk-get output: a gzip-compressed JSON Lines flow dump in the layout of SONiC's DPU flow dump
 * (`sonic-dpu-flow-dump` reads one JSON object per line from a `.jsonl.gz` file), with self-describing names:
 *
 *   {"dst_ip":"10.1.0.2","dst_port":"80","eni_mac":"00:AA:BB:CC:DD:EE",…,"vnet_id":"100",
 *    "SAI_FLOW_ENTRY_ATTR_ACTION":"SAI_FLOW_ENTRY_ACTION_SET_FLOW_ENTRY_ATTR","SAI_FLOW_ENTRY_ATTR_VERSION":"3",…}
 *
 * One flat object per flow: first the flow key exactly as the sairedis entry-key JSON (SAI-METADATA.md §6: members
 * sorted alphabetically, every value a string), then every FLOW_ENTRY attribute except FLOW_DATA_PB in attribute-id
 * order, by name, with its sairedis string value. The file is `<dumpDir>/dashflow-flow-dump-<session oid hex>.jsonl.gz`,
 * written to a temporary name and renamed when complete, so a reader never sees a partial dump.
 */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { createGzip } from "node:zlib";
import type { AttrMetadata } from "../../generator/model/types.js";
import { formatEntryKey } from "../serialize/entry-key.js";
import { tryFormatValue, valueMetaOf } from "../serialize/value.js";
import type { Catalog } from "./catalog.js";
import type { FlowSchema } from "./flow-schema.js";

/** The dump file of a session. */
export function dumpPath(dir: string, sessionId: bigint): string {
  return join(dir, `dashflow-flow-dump-${sessionId.toString(16)}.jsonl.gz`);
}

/** Formats flows as dump lines. */
export class DumpFormatter {
  private readonly attrs: { a: AttrMetadata; name: string }[];

  constructor(
    private readonly cat: Catalog,
    private readonly schema: FlowSchema,
  ) {
    this.attrs = schema.attrs.filter((a) => a.attridname !== schema.a.flowDataPb).map((a) => ({ a, name: JSON.stringify(a.attridname) }));
  }

  /** Attributes a line carries, in order. */
  get attributeNames(): string[] {
    return this.attrs.map((x) => x.a.attridname);
  }

  /** One line (no newline) from a key and a reader of attribute values. */
  line(key: Readonly<Record<string, unknown>>, value: (name: string) => unknown): string {
    const k = formatEntryKey(this.schema.members, key, {}, this.cat.enumLookup);
    let s = k.slice(0, -1);
    for (const { a, name } of this.attrs) {
      const r = tryFormatValue(valueMetaOf(a, this.cat.enumLookup), value(a.attridname));
      if (r.ok) s += `,${name}:${JSON.stringify(r.value)}`;
    }
    return s + "}";
  }
}

/** A gzip JSONL file being written; `commit` renames it into place, `abort` deletes it. */
export class DumpWriter {
  private readonly tmp: string;
  private readonly gz = createGzip({ level: 6 });
  private readonly out;
  private readonly finished: Promise<void>;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.out = createWriteStream(this.tmp);
    this.gz.pipe(this.out);
    this.finished = new Promise((res, rej) => {
      this.out.on("close", () => res());
      this.out.on("error", rej);
      this.gz.on("error", rej);
    });
    // observed in commit(); without this an early open error would be an unhandled rejection
    this.finished.catch(() => undefined);
  }

  /** Queues a line; resolves when the stream can take more. */
  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    if (this.pendingBytes < 1 << 16) return;
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join("\n") + "\n";
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.gz.write(chunk)) await Promise.race([new Promise((res) => this.gz.once("drain", res)), this.finished]);
  }

  /** Finishes the file and moves it into place. */
  async commit(): Promise<void> {
    await this.flush();
    this.gz.end();
    await this.finished;
    await rename(this.tmp, this.path);
  }

  /** Drops the partial file. */
  async abort(): Promise<void> {
    this.gz.destroy();
    this.out.destroy();
    await rm(this.tmp, { force: true });
  }
}
