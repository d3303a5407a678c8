/**
 * A gRPC client we did not write talks to the server: Python's grpcio with stubs generated at test time by
 * `grpc_tools.protoc` from the schema the server speaks. It creates a flow entry through SaiDashFlowApi, reads it
 * back, and sends a malformed request (which must be refused without hurting the server). Skipped, with the reason,
 * when no Python with grpcio and grpc_tools is installed (Debian: python3-grpcio python3-grpc-tools).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchema } from "../../runtime/server/schema.js";
import { client, killAll, startServer, testModel } from "./harness.js";

afterAll(killAll);

/** The first Python that has grpc and grpc_tools (Debian's packages install into the system Python). */
function findPython(): string | null {
  for (const py of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(py, ["-c", "import grpc, grpc_tools.protoc"], { stdio: "ignore" });
    if (r.status === 0) return py;
  }
  return null;
}

const PY = findPython();
if (!PY) console.warn("python-client e2e skipped: no python3 with grpcio and grpc_tools (apt-get install python3-grpcio python3-grpc-tools)");

const SCRIPT = String.raw`
import json, sys
import grpc
sys.path.insert(0, sys.argv[1])
import sai_types_pb2 as ty
import sai_switch_pb2 as sw, sai_switch_pb2_grpc as sw_grpc
import sai_dash_eni_pb2 as eni, sai_dash_eni_pb2_grpc as eni_grpc
import sai_dash_flow_pb2 as fl, sai_dash_flow_pb2_grpc as fl_grpc

ch = grpc.insecure_channel(sys.argv[2])
swa, enia, flowa = sw_grpc.SaiSwitchApiStub(ch), eni_grpc.SaiDashEniApiStub(ch), fl_grpc.SaiDashFlowApiStub(ch)
out = {}
s = swa.CreateSwitch(sw.CreateSwitchRequest(attributes=sw.SaiSwitchAttributes(init_switch=True)))
out["switch"] = s.status
t = flowa.CreateFlowTable(fl.CreateFlowTableRequest(switch_id=s.object_id, attributes=fl.SaiFlowTableAttributes(dash_flow_enabled_key=127)))
out["table"] = t.status
e = enia.CreateEni(eni.CreateEniRequest(switch_id=s.object_id, attributes=eni.SaiEniAttributes(flow_table_id=t.object_id, admin_state=True)))
out["eni"] = e.status
mac = bytes.fromhex("00aabbccdd02")
m = enia.CreateEniEtherAddressMapEntry(eni.CreateEniEtherAddressMapEntryRequest(
    key=eni.SaiEniEtherAddressMapEntryKey(switch_id=s.object_id, address=mac),
    attributes=eni.SaiEniEtherAddressMapEntryAttributes(eni_id=e.object_id)))
out["map"] = m.status
key = fl.SaiDashFlowKey(switch_id=s.object_id, eni_mac=mac, vnet_id=100, ip_proto=6,
    src_ip=ty.IpAddress(ipv4=0x0A000001), dst_ip=ty.IpAddress(ipv4=0x0A010002), src_port=12345, dst_port=443)
attrs = fl.SaiFlowEntryAttributes(version=42, dash_direction=ty.SAI_DASH_DIRECTION_OUTBOUND, is_unidirectional_flow=True,
    underlay0_dip=ty.IpAddress(ipv4=0x64400102))
out["create"] = flowa.CreateFlowEntry(fl.CreateFlowEntryRequest(key=key, attributes=attrs)).status
out["create_again"] = flowa.CreateFlowEntry(fl.CreateFlowEntryRequest(key=key, attributes=attrs)).status
g = flowa.GetFlowEntryAttribute(fl.GetFlowEntryAttributeRequest(key=key, attr_ids=[1, 2, 15]))
out["get"] = {"status": g.status, "version": g.attributes.version, "direction": g.attributes.dash_direction,
              "underlay0_dip": g.attributes.underlay0_dip.ipv4}
missing = fl.SaiDashFlowKey(switch_id=s.object_id, eni_mac=mac, vnet_id=100, ip_proto=6, src_port=1, dst_port=2,
    src_ip=ty.IpAddress(ipv4=1), dst_ip=ty.IpAddress(ipv4=2))
out["get_missing"] = flowa.GetFlowEntryAttribute(fl.GetFlowEntryAttributeRequest(key=missing, attr_ids=[1])).status
raw = ch.unary_unary("/sai.SaiDashFlowApi/CreateFlowEntry", request_serializer=lambda b: b, response_deserializer=lambda b: b)
try:
    raw(b"\x0a\xff\xff\xff\xff")
    out["malformed"] = "accepted"
except grpc.RpcError as err:
    out["malformed"] = err.code().name
out["after_malformed"] = flowa.GetFlowEntryAttribute(fl.GetFlowEntryAttributeRequest(key=key, attr_ids=[1])).attributes.version
print(json.dumps(out))
`;

describe.skipIf(!PY)("a Python gRPC client", () => {
  it("creates and reads a flow entry through the generated flow API service", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dashflow-py-"));
    try {
      for (const f of loadSchema(testModel()).files) writeFileSync(join(dir, f.name), f.content);
      const protos = loadSchema(testModel()).files.map((f) => f.name);
      const gen = spawnSync(PY!, ["-m", "grpc_tools.protoc", `-I${dir}`, `--python_out=${dir}`, `--grpc_python_out=${dir}`, ...protos.map((p) => join(dir, p))], {
        encoding: "utf8",
      });
      expect(gen.status, gen.stderr).toBe(0);
      writeFileSync(join(dir, "client.py"), SCRIPT);

      const server = await startServer();
      const run = spawnSync(PY!, [join(dir, "client.py"), dir, server.address], { encoding: "utf8", timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(out).toMatchObject({
        switch: 0,
        table: 0,
        eni: 0,
        map: 0,
        create: 0,
        create_again: -6, // SAI_STATUS_ITEM_ALREADY_EXISTS
        get: { status: 0, version: 42, direction: 1, underlay0_dip: 0x64400102 },
        get_missing: -7, // SAI_STATUS_ITEM_NOT_FOUND
        malformed: "INVALID_ARGUMENT",
        after_malformed: 42,
      });
      // and our side sees the same flow
      const c = client(server.address);
      try {
        const info = await c.unary("dashflow.DashflowControl", "Info", {});
        expect(Number(info.flow_count)).toBe(1);
      } finally {
        c.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
