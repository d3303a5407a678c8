/**
 * Parse errors are values that name what was expected; formatting refuses values its parser would reject.
 */
import { describe, expect, it } from "vitest";
import type { ValueTypeName } from "../../generator/model/types.js";
import { formatValue, parseStatus, parseValue, SerializeError, tryFormatValue, type ValueMeta } from "../../runtime/serialize/index.js";
import { ipv4 } from "../../runtime/values/index.js";
import { DASH_FLOW_ACTION, ENUMS, meta, PACKET_ACTION, STATUS_CODES } from "./fixtures.js";

const enumMeta = meta("INT32", { isenum: true, enum: PACKET_ACTION });
const flagsMeta = meta("INT32", { isenum: true, enum: DASH_FLOW_ACTION });

const bad: [string, ValueMeta | ValueTypeName, string, RegExp][] = [
  ["MAC too short", "MAC", "01:22:33:aa:bb", /MAC address of 17 characters/],
  ["MAC non-hex", "MAC", "01:22:33:aa:bb:zz", /MAC address/],
  ["MAC wrong separator", "MAC", "01-22-33-aa-bb-cc", /MAC address/],
  ["u8 256", "UINT8", "256", /out of range for an unsigned 8-bit integer/],
  ["u8 negative", "UINT8", "-1", /expected an unsigned 8-bit integer in decimal/],
  ["u8 with blank", "UINT8", " 1", /expected an unsigned 8-bit integer/],
  ["u8 plus sign", "UINT8", "+1", /expected an unsigned 8-bit integer/],
  ["u8 hex", "UINT8", "0x10", /expected an unsigned 8-bit integer/],
  ["u8 empty", "UINT8", "", /expected an unsigned 8-bit integer/],
  ["s8 -129", "INT8", "-129", /signed 8-bit/],
  ["u32 2^32", "UINT32", "4294967296", /unsigned 32-bit/],
  ["u64 2^64", "UINT64", "18446744073709551616", /unsigned 64-bit/],
  ["bool True", "BOOL", "True", /expected true or false/],
  ["oid without prefix", "OBJECT_ID", "0x1", /expected an object id \(oid:0x<hex>\)/],
  ["oid decimal", "OBJECT_ID", "oid:1", /oid:0x<hex>/],
  ["oid over 64 bits", "OBJECT_ID", "oid:0x10000000000000000", /does not fit 64 bits/],
  ["pointer", "POINTER", "0xg", /pointer in hex/],
  ["IPv4 leading zero", "IPV4", "10.0.0.01", /IPv4 address/],
  ["IPv6 two ::", "IPV6", "1::2::3", /IPv6 address/],
  ["IP address", "IP_ADDRESS", "example", /IPv4 or IPv6 address/],
  ["prefix /33", "IP_PREFIX", "10.0.0.0/33", /prefix length 33 exceeds 32/],
  ["prefix /129", "IP_PREFIX", "::/129", /exceeds 128/],
  ["prefix without length", "IP_PREFIX", "10.0.0.0", /addr\/len/],
  ["prefix bad length", "IP_PREFIX", "10.0.0.0/x", /decimal prefix length/],
  ["unknown enum name", enumMeta, "SAI_PACKET_ACTION_BOGUS", /value name of sai_packet_action_t or a decimal number/],
  ["enum out of int32", enumMeta, "4294967296", /sai_packet_action_t/],
  ["unknown flag name", flagsMeta, "SAI_DASH_FLOW_ACTION_ENCAP_U0|BOGUS", /sai_dash_flow_action_t flag names.*BOGUS/],
  ["empty flag part", flagsMeta, "SAI_DASH_FLOW_ACTION_ENCAP_U0|", /bad part ""/],
  ["garbage list count", "OBJECT_LIST", "x:oid:0x1", /expected a list count/],
  ["list count mismatch", "UINT32_LIST", "3:1,2", /list count 3 does not match its 2 items/],
  ["list without colon", "UINT32_LIST", "1", /expected a list \(count:item/],
  ["negative list count", "UINT32_LIST", "-1:null", /expected a list count/],
  ["empty list items", "UINT32_LIST", "0:", /expected 0:null/],
  ["bad list item", "UINT8_LIST", "2:1,300", /list item 1: 300 is out of range/],
  ["range with one number", "UINT32_RANGE", "5", /expected a range \(min,max\)/],
  ["range list odd tokens", "UINT16_RANGE_LIST", "2:1,2,3", /list count 2 does not match/],
  ["chardata bad escape", "CHARDATA", "a\\q", /expected \\\\ or \\xHH/],
  ["chardata short escape", "CHARDATA", "a\\x4", /expected \\\\ or \\xHH/],
  ["chardata too long", "CHARDATA", "a".repeat(33), /at most 32 fit/],
  ["chardata NUL", "CHARDATA", "a\\x00", /NUL/],
  ["chardata invalid UTF-8", "CHARDATA", "\\xFF", /not valid UTF-8/],
  ["ACL field without mask", "ACL_FIELD_DATA_UINT8", "6", /expected disabled or data&mask:mask/],
  ["ACL field mask too wide", "ACL_FIELD_DATA_UINT8", "6&mask:0x100", /mask 0x100 does not fit an unsigned 8-bit/],
  ["ACL OID field with mask", "ACL_FIELD_DATA_OBJECT_ID", "oid:0x1&mask:0x1", /has no mask/],
  ["ACL action bad parameter", "ACL_ACTION_DATA_MAC", "nope", /ACL action parameter: expected a MAC/],
  ["hex key odd digits", "MACSEC_SALT", "ABC", /even number of hex digits/],
  ["hex key too long", "AUTH_KEY", "00".repeat(17), /at most 16 bytes/],
  ["latch status", "LATCH_STATUS", "true", /changed:current_status/],
  ["ACL capability", "ACL_CAPABILITY", "yes:0:null", /is_action_list_mandatory: expected true or false/],
  ["JSON syntax", "QOS_MAP_LIST", '{"count":1,', /invalid JSON/],
  ["JSON duplicate key", "MAP_LIST", '{"count":0,"count":0,"list":[]}', /duplicate key "count"/],
  ["JSON count mismatch", "MAP_LIST", '{"count":2,"list":[{"key":1,"value":2}]}', /count 2 does not match 1 list items/],
  ["JSON unknown member", "MAP_LIST", '{"count":1,"list":[{"key":1,"value":2,"x":3}]}', /list\[0\]: unexpected key "x"/],
  ["JSON missing member", "SYSTEM_PORT_CONFIG", '{"port_id":"1"}', /attached_switch_id: missing/],
  ["JSON member type", "TIMESPEC", '{"tv_nsec":true,"tv_sec":"1"}', /tv_nsec: expected an integer, got true/],
  ["JSON value form", "JSON", '{"json":3}', /expected \{"json":"<count>:<s8 list>"\}/],
  ["SNR dictionary", "PORT_SNR_LIST", '{"0":"x"}', /lane 0: expected an SNR in dB/],
];

describe("parse errors", () => {
  it.each(bad)("%s", (_name, m, text, message) => {
    const r = parseValue(typeof m === "string" ? meta(m, { enums: ENUMS }) : m, text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it("a nested enum name without metadata says which metadata is missing", () => {
    const r = parseValue(meta("ACL_RESOURCE_LIST"), '{"count":1,"list":[{"avail_num":"1","bind_point":"0","stage":"SAI_ACL_STAGE_INGRESS"}]}');
    expect(!r.ok && r.error).toMatch(/list\[0\]\.stage: expected a decimal value of sai_acl_stage_t \(no metadata/);
  });

  it("unknown status name", () => {
    const r = parseStatus("SAI_STATUS_BOGUS", STATUS_CODES);
    expect(!r.ok && r.error).toMatch(/SAI_STATUS_\* name or a decimal status code/);
  });

  it("unknown value type", () => {
    const r = parseValue({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_BOGUS" as "SAI_ATTR_VALUE_TYPE_BOOL", isenum: false, isenumlist: false }, "x");
    expect(!r.ok && r.error).toMatch(/unknown value type/);
  });
});

describe("format errors", () => {
  const cases: [string, ValueTypeName, unknown, RegExp][] = [
    ["u8 300", "UINT8", 300, /not an unsigned 8-bit integer/],
    ["s32 fraction", "INT32", 1.5, /shape of INT32/],
    ["s32 too big", "INT32", 2 ** 31, /not a signed 32-bit integer/],
    ["u64 negative", "UINT64", -1n, /not an unsigned 64-bit integer/],
    ["chardata over 32 bytes", "CHARDATA", "é".repeat(17), /34 bytes; at most 32 fit/],
    ["chardata NUL", "CHARDATA", "a\0", /NUL/],
    ["wrong shape", "IPV4", "10.0.0.1", /does not have the shape of IPV4/],
    ["IPv6 value for IPv4 type", "IPV4", { family: "ipv6", bytes: new Uint8Array(16) }, /shape of IPV4/],
    ["list item out of range", "UINT8_LIST", [1, 256], /list item 1: 256 is not/],
    [
      "non-contiguous IPv6 prefix in a list",
      "IP_PREFIX_LIST",
      [{ family: "ipv6", addr: new Uint8Array(16), mask: Uint8Array.of(255, 0, 255, ...new Array<number>(13).fill(0)) }],
      /list item 0: prefix mask ff00:ff00:: is not contiguous/,
    ],
    ["TWAMP arrays of different lengths", "TWAMP_STATS_DATA", { index: 1, counters_ids: [1], counters: [] }, /shape/],
  ];
  it.each(cases)("%s", (_name, vt, value, message) => {
    const r = tryFormatValue(meta(vt), value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
    expect(() => formatValue(meta(vt), value)).toThrow(SerializeError);
  });

  it("a disabled ACL field formats whatever it would have carried", () => {
    expect(formatValue(meta("ACL_FIELD_DATA_IPV4"), { enable: false })).toBe("disabled");
    expect(formatValue(meta("ACL_FIELD_DATA_IPV4"), { enable: true, data: ipv4("10.0.0.0"), mask: ipv4("255.0.0.0") })).toBe(
      "10.0.0.0&mask:255.0.0.0",
    );
  });
});
