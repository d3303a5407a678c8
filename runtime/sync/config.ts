/**
 * The DASH objects flows need before they can exist: a switch, a flow table, an ENI using that table and the ENI
 * ether address map entry that finds the ENI by MAC. `ensureEni` creates whatever is missing through the
 * generated SAI services (never a side door), so `load` and `sync` work against any server that speaks them.
 */
import type { SaiModel } from "../../generator/model/types.js";
import { formatStatus } from "../serialize/status.js";
import { formatMac } from "../values/address.js";
import { fromBigInt, toBigInt, type Msg } from "../server/convert.js";
import type { DashClient } from "../server/client.js";

const SWITCH_API = "sai.SaiSwitchApi";
const ENI_API = "sai.SaiDashEniApi";
const FLOW_API = "sai.SaiDashFlowApi";
const CONTROL = "dashflow.DashflowControl";

/** Every key bit of `sai_dash_flow_enabled_key_t`: flows are told apart by the whole 5-tuple, ENI and VNI. */
export const ALL_KEY_BITS = 0x7f;
const ITEM_NOT_FOUND = -7;

/** A SAI call that did not succeed, as one line naming the server, the call and the status. */
export class SaiCallError extends Error {}

/** What `ensureEni` found or made. */
export interface EniConfig {
  readonly switchId: bigint;
  readonly eniId: bigint;
  readonly flowTableId: bigint;
  /** Objects created by this call, for the log ("switch", "flow table", …). */
  readonly created: readonly string[];
  /** Attributes changed on objects that existed ("flow table TTL 60000 ms"). */
  readonly changed: readonly string[];
}

/** What to ensure. */
export interface EniSpec {
  readonly eniMac: Uint8Array;
  /** FLOW_TTL_IN_MILLISECONDS of the table; undefined = leave an existing table as it is (new: 0, never ages). */
  readonly ttlMs?: number;
  readonly vmVni?: number;
}

/** Attribute id of an attribute name (get requests carry numeric ids). */
function attrId(model: SaiModel, name: string): number {
  const a = model.attributes.find((x) => x.attridname === name);
  if (!a) throw new Error(`internal: the model has no ${name}`);
  return a.attrid;
}

/** Status text of a sai_status_t. */
export function statusText(model: SaiModel, code: number): string {
  return formatStatus(code, model.statusCodes);
}

/** Runs SAI calls against one server, turning non-SUCCESS statuses into {@link SaiCallError}s. */
export class SaiCalls {
  constructor(
    readonly client: DashClient,
    readonly model: SaiModel,
  ) {}

  /** A call whose answer carries `status`; throws unless it is SUCCESS (or one of `accept`). */
  async call(service: string, rpc: string, req: Msg, what: string, accept: readonly number[] = []): Promise<Msg> {
    const res = await this.client.unary(service, rpc, req, 30_000);
    const status = Number(res.status ?? 0);
    if (status !== 0 && !accept.includes(status)) throw new SaiCallError(`${what} on ${this.client.address}: ${statusText(this.model, status)}`);
    return res;
  }

  /** The switches the server has (control service). */
  async switches(): Promise<bigint[]> {
    const info = await this.client.unary(CONTROL, "Info", {}, 10_000);
    return ((info.switch_ids as string[] | undefined) ?? []).map((s) => toBigInt(s));
  }

  /** The first switch, creating one when there is none. */
  async ensureSwitch(created: string[]): Promise<bigint> {
    const sws = await this.switches();
    if (sws.length > 0) return sws[0]!;
    const r = await this.call(SWITCH_API, "CreateSwitch", { attributes: { init_switch: true } }, "create switch");
    created.push("switch");
    return toBigInt(r.object_id);
  }

  /** The flow table of the ENI with this MAC and its TTL, or null when the server has no such ENI (or no table). */
  async eniTable(eniMac: Uint8Array): Promise<{ flowTableId: bigint; ttlMs: number } | null> {
    const m = this.model;
    const sws = await this.switches();
    for (const sw of sws) {
      const found = await this.call(
        ENI_API,
        "GetEniEtherAddressMapEntryAttribute",
        { key: { switch_id: fromBigInt(sw), address: eniMac }, attr_ids: [attrId(m, "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID")] },
        `look up ENI ${formatMac(eniMac)}`,
        [ITEM_NOT_FOUND],
      );
      if (Number(found.status ?? 0) === ITEM_NOT_FOUND) continue;
      const eni = toBigInt((found.attributes as Msg | undefined)?.eni_id);
      const e = await this.call(ENI_API, "GetEniAttribute", { object_id: fromBigInt(eni), attr_ids: [attrId(m, "SAI_ENI_ATTR_FLOW_TABLE_ID")] }, "read ENI");
      const table = toBigInt((e.attributes as Msg | undefined)?.flow_table_id);
      if (table === 0n) return null;
      const t = await this.call(
        FLOW_API,
        "GetFlowTableAttribute",
        { object_id: fromBigInt(table), attr_ids: [attrId(m, "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS")] },
        "read flow table",
      );
      return { flowTableId: table, ttlMs: Number((t.attributes as Msg | undefined)?.flow_ttl_in_milliseconds ?? 0) };
    }
    return null;
  }

  /** Ensures switch, flow table, ENI and ENI ether address map entry for `spec.eniMac`. */
  async ensureEni(spec: EniSpec): Promise<EniConfig> {
    const m = this.model;
    const created: string[] = [];
    const changed: string[] = [];
    const switchId = await this.ensureSwitch(created);
    const mapKey = { switch_id: fromBigInt(switchId), address: spec.eniMac };
    const mac = formatMac(spec.eniMac);
    const found = await this.call(
      ENI_API,
      "GetEniEtherAddressMapEntryAttribute",
      { key: mapKey, attr_ids: [attrId(m, "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID")] },
      `look up ENI ${mac}`,
      [ITEM_NOT_FOUND],
    );
    const notFound = Number(found.status ?? 0) === ITEM_NOT_FOUND;
    let eniId = notFound ? 0n : toBigInt((found.attributes as Msg | undefined)?.eni_id);
    let flowTableId = 0n;
    if (eniId !== 0n) {
      const e = await this.call(ENI_API, "GetEniAttribute", { object_id: fromBigInt(eniId), attr_ids: [attrId(m, "SAI_ENI_ATTR_FLOW_TABLE_ID")] }, `read ENI ${mac}`);
      flowTableId = toBigInt((e.attributes as Msg | undefined)?.flow_table_id);
    }
    if (flowTableId === 0n) {
      const t = await this.call(
        FLOW_API,
        "CreateFlowTable",
        { switch_id: fromBigInt(switchId), attributes: { dash_flow_enabled_key: ALL_KEY_BITS, flow_ttl_in_milliseconds: spec.ttlMs ?? 0 } },
        "create flow table",
      );
      flowTableId = toBigInt(t.object_id);
      created.push("flow table");
      if (eniId !== 0n)
        await this.call(ENI_API, "SetEniAttribute", { object_id: fromBigInt(eniId), attribute: { flow_table_id: fromBigInt(flowTableId) } }, `attach flow table to ENI ${mac}`);
    } else if (spec.ttlMs !== undefined) {
      const t = await this.call(
        FLOW_API,
        "GetFlowTableAttribute",
        { object_id: fromBigInt(flowTableId), attr_ids: [attrId(m, "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS")] },
        "read flow table",
      );
      const ttl = Number((t.attributes as Msg | undefined)?.flow_ttl_in_milliseconds ?? 0);
      if (ttl !== spec.ttlMs) {
        // proto3 cannot carry a zero in a set (the field would be absent): a TTL of 0 is refused by the server then
        await this.call(FLOW_API, "SetFlowTableAttribute", { object_id: fromBigInt(flowTableId), attribute: { flow_ttl_in_milliseconds: spec.ttlMs } }, "set flow table TTL");
        changed.push(`flow table TTL ${ttl} -> ${spec.ttlMs} ms`);
      }
    }
    if (eniId === 0n) {
      const e = await this.call(
        ENI_API,
        "CreateEni",
        { switch_id: fromBigInt(switchId), attributes: { flow_table_id: fromBigInt(flowTableId), admin_state: true, vm_vni: spec.vmVni ?? 100 } },
        `create ENI ${mac}`,
      );
      eniId = toBigInt(e.object_id);
      created.push("ENI");
      await this.call(ENI_API, "CreateEniEtherAddressMapEntry", { key: mapKey, attributes: { eni_id: fromBigInt(eniId) } }, `map MAC ${mac} to its ENI`);
      created.push("ENI ether address map entry");
    }
    return { switchId, eniId, flowTableId, created, changed };
  }
}
