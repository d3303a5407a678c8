/**
 * Flows as people and tools read them: SaiDashFlowEntry bytes → the sairedis forms of SAI-METADATA.md §6 (entry key
 * JSON with sorted keys and string values, attributes as `SAI_FLOW_ENTRY_ATTR_…` → text), and from there a table
 * row, a JSON object, or a line of the SONiC-style flow dump (flat: key members, then attributes by name).
 */
import type { AttrMetadata, ObjectTypeInfo, SaiModel } from "../../generator/model/types.js";
import { flowLayout, specializedFlowCodec, type FlowEntry, type FlowLayout, type FlowRecord, type SpecializedFlowCodec } from "../proto/index.js";
import { enumLookup, type EnumLookup } from "../serialize/enum.js";
import { entryKeyRenames, formatEntryKey } from "../serialize/entry-key.js";
import { tryFormatValue, valueMetaOf } from "../serialize/value.js";

const FLOW_ENTRY = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const IP_ADDR_FAMILY = "SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY";

/** One flow in text form. */
export interface FlowText {
  /** Entry key JSON (sorted keys, string values). */
  readonly key: string;
  /** Key member → text, for tables. */
  readonly members: Readonly<Record<string, string>>;
  /** Attribute name → text, in attribute id order. */
  readonly attrs: readonly (readonly [string, string])[];
}

/** Formats flows of one model. */
export class FlowFormatter {
  private readonly codec: SpecializedFlowCodec;
  private readonly layout: FlowLayout;
  private readonly info: ObjectTypeInfo;
  private readonly enums: EnumLookup;
  private readonly attrs = new Map<string, AttrMetadata>();

  constructor(readonly model: SaiModel) {
    const layout = flowLayout(model);
    const info = model.objectTypes.find((o) => o.objecttype === FLOW_ENTRY);
    if (!layout || !info) throw new Error("the headers define no DASH flow entry");
    this.layout = layout;
    this.info = info;
    this.codec = specializedFlowCodec(layout);
    this.enums = enumLookup(model.enums);
    for (const a of model.attributes) if (a.objecttype === FLOW_ENTRY) this.attrs.set(a.attridname, a);
  }

  /** Decodes SaiDashFlowEntry bytes; null (with the reason) when they are not one. */
  decode(bytes: Uint8Array): { ok: true; entry: FlowEntry } | { ok: false; error: string } {
    const r = this.codec.decodeFlowEntry(bytes);
    return r.ok ? { ok: true, entry: r.value } : { ok: false, error: r.error.message };
  }

  private keyOf(rec: FlowRecord): Record<string, unknown> {
    const key: Record<string, unknown> = {};
    for (const f of this.layout.key.fields) key[f.source] = rec[f.name];
    return key;
  }

  private text(attr: AttrMetadata | undefined, v: unknown): string {
    if (!attr) return String(v);
    const r = tryFormatValue(valueMetaOf(attr, this.enums), v);
    return r.ok ? r.value : `<${r.error}>`;
  }

  /** The text forms of a decoded flow; `keysOnly` skips the attributes. */
  format(e: FlowEntry, keysOnly = false): FlowText {
    const key = this.keyOf(e.flow_key);
    const keyJson = formatEntryKey(this.info.structmembers, key, entryKeyRenames(FLOW_ENTRY), this.enums);
    // the flow entry keeps its C member names in JSON, so the key's strings are the members' texts
    const members = JSON.parse(keyJson) as Record<string, string>;
    if (keysOnly) return { key: keyJson, members, attrs: [] };
    const values = new Map<string, unknown>();
    for (const f of this.layout.state.fields) {
      if (f.message) {
        const sub = e.flow_state[f.name] as FlowRecord | undefined;
        if (sub) for (const g of f.message.fields) values.set(g.source, sub[g.name]);
      } else values.set(f.source, e.flow_state[f.name]);
    }
    const reverse = this.keyOf(e.reverse_flow_key);
    for (const [attr, member] of this.layout.reverseAttrs) values.set(attr, reverse[member]);
    // read-only: what a device reports for the flow, i.e. the family of its addresses
    if (this.attrs.has(IP_ADDR_FAMILY)) values.set(IP_ADDR_FAMILY, (key.src_ip as { family?: string } | undefined)?.family === "ipv6" ? 1 : 0);
    const attrs: [string, string][] = [];
    for (const name of this.info.attributes) if (values.has(name)) attrs.push([name, this.text(this.attrs.get(name), values.get(name))]);
    return { key: keyJson, members, attrs };
  }

  /**
   * One line of the SONiC-style dump, the layout the runtime's VENDOR-mode bulk get writes: one flat object per
   * flow, the key members as in the sairedis entry key JSON, then every attribute (FLOW_DATA_PB aside) by name.
   */
  dumpLine(t: FlowText): string {
    let s = t.key.slice(0, -1);
    for (const [name, value] of t.attrs) s += `,${JSON.stringify(name)}:${JSON.stringify(value)}`;
    return s + "}";
  }

  /** The JSON object of `--format json|jsonl`: the key as an object of strings, the attributes by name. */
  jsonObject(t: FlowText, keysOnly: boolean): Record<string, unknown> {
    const key = JSON.parse(t.key) as Record<string, string>;
    return keysOnly ? { key } : { key, attributes: Object.fromEntries(t.attrs) };
  }
}

const SHORT: Record<string, (v: string) => string> = {
  SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: (v) => v.replace(/^SAI_DASH_DIRECTION_/, ""),
  SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION: (v) => v.replace(/SAI_DASH_FLOW_ACTION_/g, ""),
};

/** Table columns: key members, then a few state attributes that say what the flow does. */
export function tableRows(flows: readonly FlowText[], keysOnly: boolean): string[] {
  const head = ["ENI_MAC", "VNET", "PROTO", "SRC", "DST", ...(keysOnly ? [] : ["VERSION", "DIRECTION", "ACTION"])];
  const rows = flows.map((f) => {
    const m = f.members;
    const attr = (n: string) => {
      const v = f.attrs.find(([a]) => a === n)?.[1] ?? "";
      return SHORT[n] ? SHORT[n]!(v) : v;
    };
    return [
      m.eni_mac ?? "",
      m.vnet_id ?? "",
      m.ip_proto ?? "",
      `${m.src_ip}:${m.src_port}`,
      `${m.dst_ip}:${m.dst_port}`,
      ...(keysOnly ? [] : [attr("SAI_FLOW_ENTRY_ATTR_VERSION"), attr("SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION"), attr("SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION")]),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(head), ...rows.map(line)];
}
