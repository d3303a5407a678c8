/**
 * The delete half of the HA rule. A flow the active is deleting travels in the HA stream with
 * `SAI_FLOW_ENTRY_ATTR_DASH_FLOW_SYNC_STATE = FLOW_PENDING_DELETE`; the standby removes its copy only when it holds
 * the flow in the same version (a newer local version means the active's delete is stale; a missing flow has
 * nothing to delete). Everything else in the batch goes on to `applyFlows` (insert / update-if-newer).
 *
 * Entries are inspected on the wire (two varints per entry); keys of the deletes are packed straight into key rows
 * and checked and removed with the packed bulk calls, so a batch without deletes costs one pass over its bytes.
 */
import type { SaiModel } from "../../generator/model/types.js";
import type { DashRuntime, EncodedFlowBatch } from "../api.js";
import { flowLayout } from "../proto/schema.js";
import { KeyPacker, Wire } from "../server/flow-bulk.js";

const VERSION = "SAI_FLOW_ENTRY_ATTR_VERSION";
const SYNC_STATE = "SAI_FLOW_ENTRY_ATTR_DASH_FLOW_SYNC_STATE";
const PENDING_DELETE = "SAI_DASH_FLOW_SYNC_STATE_FLOW_PENDING_DELETE";
const SWITCH = "SAI_OBJECT_TYPE_SWITCH";
const LEN = 2;

/** What the delete step did with one batch. */
export interface DeleteOutcome {
  /** The entries left for `applyFlows` (the input itself when it held no deletes). */
  readonly rest: EncodedFlowBatch;
  readonly deleted: number;
  /** Deletes not carried out: the standby holds a different version, or no such flow. */
  readonly skipped: number;
  readonly rejected: number;
  readonly errors: readonly string[];
}

type Runtime = Pick<DashRuntime, "flowKeyLayout" | "packFlowKey" | "getFlowsPacked" | "removeFlowsPacked" | "listObjects">;

/** Splits deletes out of HA batches and carries them out; null-object when the headers lack what it needs. */
export class HaDeletes {
  private readonly keyField: number;
  private readonly stateField: number;
  private readonly versionField: number;
  private readonly syncField: number;
  private readonly pendingDelete: number;
  private readonly packer: KeyPacker;
  private readonly switchOffset: number;

  private constructor(
    model: SaiModel,
    private readonly rt: Runtime,
    fields: { key: number; state: number; version: number; sync: number; pending: number; switchOffset: number },
  ) {
    this.keyField = fields.key;
    this.stateField = fields.state;
    this.versionField = fields.version;
    this.syncField = fields.sync;
    this.pendingDelete = fields.pending;
    this.switchOffset = fields.switchOffset;
    this.packer = new KeyPacker(model, rt as DashRuntime);
  }

  /** The delete step for a model, or null when it has no flow sync state (then nothing is ever a delete). */
  static create(model: SaiModel, rt: Runtime): HaDeletes | null {
    const layout = flowLayout(model);
    if (!layout) return null;
    const num = (fs: readonly { source: string; number: number }[], source: string) => fs.find((f) => f.source === source)?.number;
    const key = num(layout.entry.fields, "flow_key");
    const state = num(layout.entry.fields, "flow_state");
    const version = num(layout.state.fields, VERSION);
    const sync = num(layout.state.fields, SYNC_STATE);
    const pending = model.enums.flatMap((e) => e.values).find((v) => v.name === PENDING_DELETE)?.value;
    const sw = rt.flowKeyLayout().fields.find((f) => f.name === "switch_id" && f.kind === "oid");
    if (key === undefined || state === undefined || version === undefined || sync === undefined || pending === undefined || !sw) return null;
    return new HaDeletes(model, rt, { key, state, version, sync, pending, switchOffset: sw.offset });
  }

  /** Carries out the deletes of a batch and returns the rest. */
  process(b: EncodedFlowBatch): DeleteOutcome {
    const w = new Wire(b.records);
    let del: number[] | null = null;
    let versions: number[] | null = null;
    let keep: number[] | null = null;
    for (let i = 0; i < b.count; i++) {
      const s = b.offsets[i]!;
      const e = s + b.lengths[i]!;
      let state = -1;
      let stateEnd = -1;
      w.pos = s;
      w.bad = false;
      while (w.pos < e) {
        const tag = w.varint(e);
        if (tag === ((this.stateField << 3) | LEN)) {
          w.span(e);
          state = w.s;
          stateEnd = w.e;
        } else w.skip(tag & 7, e);
      }
      let sync = 0;
      let version = 0;
      if (!w.bad && state >= 0) {
        w.pos = state;
        while (w.pos < stateEnd) {
          const tag = w.varint(stateEnd);
          if (tag === this.syncField << 3) sync = w.varint(stateEnd);
          else if (tag === this.versionField << 3) version = w.varint(stateEnd);
          else w.skip(tag & 7, stateEnd);
        }
      }
      // a malformed entry is left to applyFlows, which rejects it with the reason
      const isDelete = !w.bad && sync === this.pendingDelete;
      if (isDelete) {
        if (!del) {
          del = [];
          versions = [];
          keep = [];
          for (let j = 0; j < i; j++) keep.push(j);
        }
        del.push(i);
        versions!.push(version);
      } else keep?.push(i);
    }
    if (!del) return { rest: b, deleted: 0, skipped: 0, rejected: 0, errors: [] };
    return this.remove(b, del, versions!, keep!);
  }

  private remove(b: EncodedFlowBatch, del: number[], versions: number[], keep: number[]): DeleteOutcome {
    const kb = this.packer.keyBytes;
    const keys = new Uint8Array(del.length * kb);
    const errors: string[] = [];
    let rejected = 0;
    const packed: number[] = [];
    const packedVersions: number[] = [];
    const w = new Wire(b.records);
    for (let j = 0; j < del.length; j++) {
      const i = del[j]!;
      const s = b.offsets[i]!;
      const e = s + b.lengths[i]!;
      let ks = -1;
      let ke = -1;
      w.pos = s;
      w.bad = false;
      while (w.pos < e) {
        const tag = w.varint(e);
        if (tag === ((this.keyField << 3) | LEN)) {
          w.span(e);
          ks = w.s;
          ke = w.e;
        } else w.skip(tag & 7, e);
      }
      if (w.bad || ks < 0 || !this.packer.pack(w, b.records, ks, ke, keys, packed.length)) {
        rejected++;
        if (errors.length < 20) errors.push(`delete entry ${i}: the flow key does not decode`);
        continue;
      }
      packed.push(i);
      packedVersions.push(versions[j]!);
    }
    this.localizeSwitches(keys, packed.length, kb);
    const n = packed.length;
    const current = new Float64Array(n);
    const found = this.rt.getFlowsPacked({ count: n, keys: keys.subarray(0, n * kb) }, VERSION, current);
    const goRows: number[] = [];
    for (let j = 0; j < n; j++) if (found.codes[j] === 0 && current[j] === packedVersions[j]) goRows.push(j);
    let deleted = 0;
    if (goRows.length > 0) {
      const go = new Uint8Array(goRows.length * kb);
      goRows.forEach((r, k) => go.set(keys.subarray(r * kb, (r + 1) * kb), k * kb));
      // IGNORE_ERROR: one flow that vanished meanwhile must not keep the others
      const r = this.rt.removeFlowsPacked({ count: goRows.length, keys: go }, 1);
      deleted = r.succeeded;
      if (r.succeeded < goRows.length) {
        rejected += goRows.length - r.succeeded;
        if (errors.length < 20) errors.push(`${goRows.length - r.succeeded} delete(s) failed: ${r.status}`);
      }
    }
    const rest: EncodedFlowBatch = {
      count: keep.length,
      records: b.records,
      offsets: Uint32Array.from(keep, (i) => b.offsets[i]!),
      lengths: Uint32Array.from(keep, (i) => b.lengths[i]!),
    };
    return { rest, deleted, skipped: n - goRows.length, rejected, errors };
  }

  /** Replaces a peer's switch id by the local one when there is exactly one local switch (as `applyFlows` does). */
  private localizeSwitches(keys: Uint8Array, n: number, kb: number): void {
    const local = this.rt.listObjects(SWITCH);
    if (local.length !== 1) return;
    const sw = local[0]!;
    const le = new Uint8Array(8);
    for (let k = 0, v = sw; k < 8; k++, v >>= 8n) le[k] = Number(v & 0xffn);
    for (let j = 0; j < n; j++) keys.set(le, j * kb + this.switchOffset);
  }
}
