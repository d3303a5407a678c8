/**
 * The generated SAI API services (`SaiSwitchApi`, `SaiDashEniApi`, `SaiDashFlowApi`, …) implemented over a
 * runtime: one handler per API table member, bound by the same naming rule the proto emitter uses (rpc =
 * PascalCase of the C member name), so every service the headers define is served without per-object code.
 *
 * SAI outcomes travel in-band as `sai_status_t` (the services' contract); gRPC errors are only for requests that
 * are not valid messages (INVALID_ARGUMENT) and for faults of this server (INTERNAL).
 */
import * as grpc from "@grpc/grpc-js";
import type protobuf from "protobufjs";
import type { ApiFunctionKind, SaiModel } from "../../generator/model/types.js";
import { pascal } from "../proto/schema.js";
import type { AttrInput, BulkErrorMode } from "../validate/types.js";
import type { DashRuntime, EntryKey, SaiStatus } from "../api.js";
import { ConvertError, ObjectCodecs, toBigInt, fromBigInt, type Msg, type ObjectCodec } from "./convert.js";
import { decodeRequest, grpcError, serverDefinition } from "./grpc-defs.js";
import type { Logger } from "./log.js";
import { services, type Schema } from "./schema.js";

/** What one rpc does: an API table member on one object type. */
export interface RpcBinding {
  readonly objectType: string;
  readonly kind: ApiFunctionKind;
  readonly isentry: boolean;
}

/** rpc bindings of every generated API service: service full name → rpc name → binding. */
export function apiBindings(model: SaiModel): Map<string, Map<string, RpcBinding>> {
  const out = new Map<string, Map<string, RpcBinding>>();
  for (const api of model.apis) {
    const rpcs = new Map<string, RpcBinding>();
    for (const m of api.members) if (m.objecttype) rpcs.set(pascal(m.name), { objectType: m.objecttype, kind: m.kind, isentry: m.isentry });
    out.set(`sai.Sai${pascal(api.stem)}Api`, rpcs);
  }
  return out;
}

const SAI_STATUS_INVALID_PARAMETER = -5;
const SWITCH = "SAI_OBJECT_TYPE_SWITCH";

/** Handlers of one rpc: decode, run against the runtime, encode. */
type Run = (msg: Msg) => Msg;

function bulkMode(msg: Msg): BulkErrorMode {
  return Number(msg.mode ?? 0);
}

function statusOnly(s: SaiStatus): Msg {
  return { status: s.code };
}

/** The operation of one binding, as a function from request message to response message. */
function operation(rt: DashRuntime, codec: ObjectCodec, b: RpcBinding): Run | null {
  const ot = b.objectType;
  const oid = (m: Msg): bigint => toBigInt(m.object_id);
  const key = (m: Msg): EntryKey => codec.keyFromProto(m.key as Msg | undefined);
  const attrs = (m: Msg): AttrInput[] => codec.attrsFromProto(m.attributes as Msg | undefined);
  // a set carries exactly one attribute; proto3 clients that omit zero values cannot set a zero this way
  const one = (m: Msg): AttrInput | null => {
    const a = codec.attrsFromProto(m.attribute as Msg | undefined);
    return a.length === 1 ? a[0]! : null;
  };
  const badSet = (): Msg => ({ status: SAI_STATUS_INVALID_PARAMETER });
  const ids = (m: Msg): number[] => ((m.attr_ids as number[] | undefined) ?? []).map(Number);
  const items = (m: Msg): Msg[] => (m.items as Msg[] | undefined) ?? [];
  switch (b.kind) {
    case "create":
      if (b.isentry) return (m) => statusOnly(rt.createEntry(ot, key(m), attrs(m)));
      return (m) => {
        const r = ot === SWITCH ? rt.createSwitch(attrs(m)) : rt.create(ot, toBigInt(m.switch_id), attrs(m));
        return { status: r.code, object_id: r.objectId !== undefined ? fromBigInt(r.objectId) : undefined };
      };
    case "remove":
      if (b.isentry) return (m) => statusOnly(rt.removeEntry(ot, key(m)));
      return (m) => statusOnly(ot === SWITCH ? rt.removeSwitch(oid(m)) : rt.remove(ot, oid(m)));
    case "set":
      if (b.isentry)
        return (m) => {
          const a = one(m);
          return a ? statusOnly(rt.setEntry(ot, key(m), a)) : badSet();
        };
      return (m) => {
        const a = one(m);
        return a ? statusOnly(rt.set(ot, oid(m), a)) : badSet();
      };
    case "get": {
      const answer = (r: ReturnType<DashRuntime["get"]>): Msg => ({ status: r.code, attributes: r.attrs ? codec.attrsToProto(r.attrs) : undefined });
      if (b.isentry) return (m) => answer(rt.getEntry(ot, key(m), ids(m)));
      return (m) => answer(rt.get(ot, oid(m), ids(m)));
    }
    case "bulk_create":
      if (b.isentry)
        return (m) => {
          const r = rt.createEntries(ot, items(m).map((i) => ({ key: key(i), attrs: attrs(i) })), bulkMode(m));
          return { status: r.code, statuses: r.statuses.map((s) => s.code) };
        };
      return (m) => {
        const list = items(m);
        const sw = list.length > 0 ? toBigInt(list[0]!.switch_id) : 0n;
        const r = rt.createMany(ot, sw, list.map(attrs), bulkMode(m));
        return {
          status: r.code,
          items: r.statuses.map((s, i) => ({ status: s.code, object_id: r.objectIds[i] !== undefined ? fromBigInt(r.objectIds[i]!) : undefined })),
        };
      };
    case "bulk_remove":
      if (b.isentry)
        return (m) => {
          const r = rt.removeEntries(ot, items(m).map(key), bulkMode(m));
          return { status: r.code, statuses: r.statuses.map((s) => s.code) };
        };
      return (m) => {
        const r = rt.removeMany(ot, items(m).map(oid), bulkMode(m));
        return { status: r.code, statuses: r.statuses.map((s) => s.code) };
      };
    case "bulk_set":
      return (m) => {
        const list = items(m);
        const sets = list.map(one);
        if (sets.some((a) => a === null)) return { status: SAI_STATUS_INVALID_PARAMETER, statuses: list.map(() => SAI_STATUS_INVALID_PARAMETER) };
        const r = b.isentry
          ? rt.setEntries(ot, list.map((i, n) => ({ key: key(i), attr: sets[n]! })), bulkMode(m))
          : rt.setMany(ot, list.map((i, n) => ({ objectId: oid(i), attr: sets[n]! })), bulkMode(m));
        return { status: r.code, statuses: r.statuses.map((s) => s.code) };
      };
    default:
      return null;
  }
}

/** Options of {@link addApiServices}. */
export interface ApiServiceOptions {
  readonly log: Logger;
  /** rpc full path → handler that replaces the generic one (the bulk flow fast paths). */
  readonly overrides?: ReadonlyMap<string, grpc.UntypedHandleCall>;
}

/** Registers every generated API service of the schema on `server`, backed by `rt`. Returns the rpc count. */
export function addApiServices(server: grpc.Server, schema: Schema, model: SaiModel, rt: DashRuntime, opts: ApiServiceOptions): number {
  const codecs = new ObjectCodecs(model);
  const all = services(schema);
  let count = 0;
  for (const [svcName, rpcs] of apiBindings(model)) {
    const svc = all.get(svcName);
    if (!svc) continue;
    const impl: grpc.UntypedServiceImplementation = {};
    for (const m of svc.methodsArray) {
      const path = `/${svcName}/${m.name}`;
      const override = opts.overrides?.get(path);
      if (override) {
        impl[m.name] = override;
        count++;
        continue;
      }
      const b = rpcs.get(m.name);
      const codec = b ? codecs.get(b.objectType) : undefined;
      const run = b && codec ? operation(rt, codec, b) : null;
      impl[m.name] = run ? unaryHandler(m.resolvedRequestType!, path, run, opts.log) : unimplemented(path);
      count++;
    }
    server.addService(serverDefinition(svc), impl);
  }
  return count;
}

function unimplemented(path: string): grpc.handleUnaryCall<Buffer, unknown> {
  return (_call, cb) => cb(grpcError(grpc.status.UNIMPLEMENTED, `${path} is not implemented by this server`));
}

/** A unary handler: decode (INVALID_ARGUMENT on bad bytes), run, answer; faults become INTERNAL and a log line. */
export function unaryHandler(reqType: protobuf.Type, path: string, run: Run, log: Logger): grpc.handleUnaryCall<Buffer, unknown> {
  return (call, cb) => {
    const d = decodeRequest(reqType, call.request);
    if (!d.ok) {
      log.error(`${path} from ${call.getPeer()}: ${d.error.details}`);
      cb(d.error);
      return;
    }
    let res: Msg;
    try {
      res = run(d.msg);
    } catch (e) {
      if (e instanceof ConvertError) {
        log.error(`${path} from ${call.getPeer()}: ${e.message}`);
        cb(grpcError(grpc.status.INVALID_ARGUMENT, e.message));
        return;
      }
      log.error(`${path} from ${call.getPeer()}: internal error: ${(e as Error).message}`);
      cb(grpcError(grpc.status.INTERNAL, `internal error: ${(e as Error).message}`));
      return;
    }
    cb(null, res);
  };
}
