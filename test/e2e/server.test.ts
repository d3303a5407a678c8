/**
 * `dashflow serve` as a process: snapshot across a graceful restart, malformed requests refused while the server
 * keeps serving, clear errors instead of stack traces, and the NAT gateway aging path (flows idle past the table
 * TTL disappear on the active).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticFlow } from "../../runtime/cli/synthetic.js";
import { cli, client, digest, killAll, startServer } from "./harness.js";

afterAll(killAll);

describe("dashflow serve", () => {
  it("saves its flows at SIGTERM and loads them at the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dashflow-snap-"));
    try {
      const file = join(dir, "flows.snap");
      const first = await startServer(["--snapshot", file]);
      const load = await cli(["load", "--target", first.address, "--flows", "5000", "--seed", "4"]);
      expect(load.code, load.stderr).toBe(0);
      const before = await digest(first.address);
      first.proc.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(first.log()).toMatch(/saved snapshot .*flows\.snap: 5000 flows/);
      expect(existsSync(file)).toBe(true);
      // nothing but the snapshot is left in the folder (the temporary file was renamed into place)
      expect(readdirSync(dir)).toEqual(["flows.snap"]);

      const second = await startServer(["--snapshot", file]);
      expect(second.log()).toMatch(/loaded snapshot .*: 5000 flows/);
      expect(await digest(second.address)).toEqual(before);
      second.proc.kill("SIGINT");
      expect(await second.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("sets attributes to zero values over gRPC (scalar attribute fields have explicit presence)", async () => {
    const server = await startServer();
    const c = client(server.address);
    try {
      const load = await cli(["load", "--target", server.address, "--flows", "1", "--seed", "9", "--versions", "5-5"]);
      expect(load.code, load.stderr).toBe(0);
      const sw = BigInt(String(((await c.unary("dashflow.DashflowControl", "Info", {})).switch_ids as string[])[0]));
      const { key } = syntheticFlow(0, { seed: 9, versions: [5, 5], switchId: sw, eniMac: Uint8Array.of(0, 0xaa, 0xbb, 0xcc, 0xdd, 0x01), vnetId: 100 });
      const get = async () => (await c.unary("sai.SaiDashFlowApi", "GetFlowEntryAttribute", { key, attr_ids: [1, 5] })).attributes as Record<string, unknown>;
      expect(await get()).toMatchObject({ version: 5 });
      for (const attribute of [{ version: 0 }, { is_unidirectional_flow: true }, { is_unidirectional_flow: false }]) {
        const r = await c.unary("sai.SaiDashFlowApi", "SetFlowEntryAttribute", { key, attribute });
        expect(Number(r.status ?? 0), JSON.stringify(r)).toBe(0);
      }
      // both come back present with their zero values
      const got = await get();
      expect(got.version).toBe(0);
      expect(got.is_unidirectional_flow).toBe(false);
      // a set request without any attribute is still refused
      const none = await c.unary("sai.SaiDashFlowApi", "SetFlowEntryAttribute", { key, attribute: {} });
      expect(Number(none.status ?? 0)).not.toBe(0);
    } finally {
      c.close();
      server.proc.kill("SIGINT");
      await server.exited;
    }
  }, 60_000);

  it("refuses malformed requests with INVALID_ARGUMENT and keeps serving", async () => {
    const server = await startServer();
    const raw = new grpc.Client(server.address, grpc.credentials.createInsecure());
    const call = (path: string, bytes: Buffer) =>
      new Promise<grpc.ServiceError | null>((resolve) =>
        raw.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, bytes, (e) => resolve(e)),
      );
    try {
      const e1 = await call("/sai.SaiDashFlowApi/CreateFlowEntries", Buffer.from([0x0a, 0x05, 0x0a, 0x09]));
      expect(e1?.code).toBe(grpc.status.INVALID_ARGUMENT);
      expect(e1?.details).toMatch(/malformed CreateFlowEntriesRequest/);
      const e2 = await call("/sai.SaiDashFlowBulkGetTarget/Push", Buffer.from([0xff]));
      expect(e2?.code).toBeDefined();
      const e3 = await call("/dashflow.DashflowControl/Digest", Buffer.from([0x08, 0xff]));
      expect(e3?.code).toBe(grpc.status.INVALID_ARGUMENT);
      const ok = await call("/dashflow.DashflowControl/Info", Buffer.alloc(0));
      expect(ok).toBeNull();
      expect(server.log()).toMatch(/error .*malformed CreateFlowEntriesRequest/);
    } finally {
      raw.close();
    }
  }, 60_000);

  it("answers usage and connection problems in one line", async () => {
    const [bad, nobody, port, size] = await Promise.all([
      cli(["serve", "--role", "leader"]),
      cli(["digest", "--target", "127.0.0.1:1"]),
      cli(["load", "--target", "127.0.0.1:1", "--flows", "ten"]),
      cli(["serve", "--expected-flows", "many"]),
    ]);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--expected-flows: expected a non-negative integer, got "many"/);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('dashflow serve: --role must be active or standby, got "leader"\n');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^dashflow digest: cannot reach 127\.0\.0\.1:1 .*\n$/);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--flows: expected a non-negative integer, got "ten"/);
  }, 60_000);

  it("ages idle flows on the active (NAT gateway flow aging)", async () => {
    const server = await startServer(["--age-interval", "100"]);
    const load = await cli(["load", "--target", server.address, "--flows", "2000", "--seed", "5", "--table-ttl", "1500"]);
    expect(load.code, load.stderr).toBe(0);
    const c = client(server.address);
    try {
      const deadline = Date.now() + 20_000;
      let count = -1;
      while (Date.now() < deadline) {
        count = Number((await c.unary("dashflow.DashflowControl", "Info", {})).flow_count ?? 0);
        if (count === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(count).toBe(0);
      expect(server.log()).toMatch(/aged 2000 flows|aged \d+ flows/);
    } finally {
      c.close();
    }
  }, 60_000);

  it("provisions a flow table on request (control Reserve): room reported, unknown table NOT_FOUND, flows intact", async () => {
    const server = await startServer();
    const c = client(server.address);
    try {
      const load = await cli(["load", "--target", server.address, "--flows", "3000", "--seed", "4"]);
      expect(load.code, load.stderr).toBe(0);
      const before = await digest(server.address);
      const table = ((await c.unary("dashflow.DashflowControl", "Info", {})).flow_tables as { flow_table_id: string }[])[0]!.flow_table_id;
      const r = await c.unary("dashflow.DashflowControl", "Reserve", { flow_table_id: table, flows: 50_000 });
      expect(Number(r.room)).toBeGreaterThanOrEqual(47_000);
      expect(server.log()).toMatch(/flow table oid:0x[0-9a-f]+ provisioned for 50000 flows in \d+ ms/);
      expect(await digest(server.address)).toEqual(before);
      await expect(c.unary("dashflow.DashflowControl", "Reserve", { flow_table_id: "12345", flows: 10 })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
      const more = await cli(["load", "--target", server.address, "--flows", "3000", "--seed", "4", "--first", "3000"]);
      expect(more.code, more.stderr).toBe(0);
      expect((await digest(server.address)).count).toBe(6000);
    } finally {
      c.close();
      server.proc.kill("SIGINT");
      await server.exited;
    }
  }, 60_000);
});
