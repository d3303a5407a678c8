/**
 * Flow diagnosis end to end: "flows from VM A to VM B:443" through `dashflow dump`, compared with the flows the
 * synthetic generator is known to have created.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticFlow, sourceVmIp } from "../../runtime/cli/synthetic.js";
import { compileFilters, splitFilter, type FilterText } from "../../runtime/server/filters.js";
import { cli, client, killAll, startServer, type Server } from "./harness.js";

const SEED = 3;
const N = 20_000;
const VERSIONS: [number, number] = [1, 10];

afterAll(killAll);

/** What the generator made: flow i's key texts and version. */
function expected(): { src_ip: string; dst_ip: string; src_port: string; dst_port: string; version: number }[] {
  const ip = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  const out = [];
  for (let i = 0; i < N; i++) {
    const f = syntheticFlow(i, { seed: SEED, versions: VERSIONS, switchId: 1n, eniMac: new Uint8Array(6), vnetId: 100 }) as {
      key: { src_ip: { ipv4: number }; dst_ip: { ipv4: number }; src_port: number; dst_port: number };
      attributes: { version: number };
    };
    out.push({ src_ip: ip(f.key.src_ip.ipv4), dst_ip: ip(f.key.dst_ip.ipv4), src_port: String(f.key.src_port), dst_port: String(f.key.dst_port), version: f.attributes.version });
  }
  return out;
}

interface Line {
  key: Record<string, string>;
  attributes?: Record<string, string>;
}

const lines = (stdout: string): Line[] =>
  stdout
    .trim()
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Line);

describe("flow diagnosis", () => {
  let server: Server;
  const flows = expected();
  const vmA = sourceVmIp(SEED, 1);

  beforeAll(async () => {
    server = await startServer();
    const load = await cli(["load", "--target", server.address, "--flows", String(N), "--seed", String(SEED), "--versions", VERSIONS.join("-")]);
    expect(load.code, load.stderr).toBe(0);
  }, 90_000);

  it("returns exactly the flows from VM A to port 443, and honours --limit", async () => {
    const want = flows.filter((f) => f.src_ip === vmA && f.dst_port === "443").map((f) => `${f.src_port}>${f.dst_ip}`);
    expect(want.length).toBeGreaterThan(10);
    const [all, ten] = await Promise.all([
      cli(["dump", "--target", server.address, "--filter", `src_ip=${vmA}`, "--filter", "dst_port=443", "--format", "jsonl"]),
      cli(["dump", "--target", server.address, "--filter", `src_ip=${vmA}`, "--filter", "dst_port = 443", "--limit", "10", "--format", "jsonl"]),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const got = lines(all.stdout);
    expect(got.map((l) => `${l.key.src_port}>${l.key.dst_ip}`).sort()).toEqual([...want].sort());
    for (const l of got) expect(l.attributes?.SAI_FLOW_ENTRY_ATTR_VERSION).toMatch(/^\d+$/);
    expect(ten.code, ten.stderr).toBe(0);
    const limited = lines(ten.stdout);
    expect(limited).toHaveLength(10);
    for (const l of limited) expect(want).toContain(`${l.key.src_port}>${l.key.dst_ip}`);
  }, 60_000);

  it("filters on VM B and on the version range", async () => {
    const vmB = flows.find((f) => f.src_ip === vmA && f.dst_port === "443")!.dst_ip;
    const want = flows.filter((f) => f.src_ip === vmA && f.dst_ip === vmB && f.dst_port === "443").length;
    const wantNew = flows.filter((f) => f.version >= 9).length;
    const [ab, recent, table] = await Promise.all([
      cli(["dump", "--target", server.address, "--filter", `src_ip=${vmA}`, "--filter", `dst_ip=${vmB}`, "--filter", "dst_port=443", "--keys-only", "--format", "jsonl"]),
      cli(["dump", "--target", server.address, "--filter", "version>=9", "--keys-only", "--format", "jsonl"]),
      cli(["dump", "--target", server.address, "--filter", `src_ip=${vmA}`, "--limit", "3"]),
    ]);
    expect(ab.code, ab.stderr).toBe(0);
    const abLines = lines(ab.stdout);
    expect(abLines).toHaveLength(want);
    for (const l of abLines) expect(l.attributes).toBeUndefined();
    expect(lines(recent.stdout)).toHaveLength(wantNew);
    expect(table.code, table.stderr).toBe(0);
    const rows = table.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^ENI_MAC\s+VNET\s+PROTO\s+SRC\s+DST\s+VERSION\s+DIRECTION\s+ACTION$/);
    expect(rows).toHaveLength(4);
  }, 60_000);

  it("writes the SONiC-style gzip JSONL dump", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dashflow-dump-"));
    try {
      const out = join(dir, "flows.jsonl.gz");
      const r = await cli(["dump", "--target", server.address, "--filter", "dst_port=22", "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const text = gunzipSync(readFileSync(out)).toString();
      const rows = text.trim().split("\n");
      expect(rows).toHaveLength(flows.filter((f) => f.dst_port === "22").length);
      expect(rows[0]).toMatch(/^\{"dst_ip":"172\.16\.0\.\d+","dst_port":"22","eni_mac":"00:AA:BB:CC:DD:01",.*"SAI_FLOW_ENTRY_ATTR_VERSION":"\d+"/);
      const rec = JSON.parse(rows[0]!) as Record<string, string>;
      expect(rec.SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION).toMatch(/^SAI_DASH_DIRECTION_(IN|OUT)BOUND$/);
      // a gzip stream that gunzip accepts as a whole file
      expect(execFileSync("gzip", ["-t", out]).length).toBe(0);

      // the same layout as the runtime's own VENDOR-mode bulk get dump, line for line
      const c = client(server.address);
      try {
        const sw = (await c.unary("dashflow.DashflowControl", "Info", {})).switch_ids as string[];
        const sai = async (rpc: string, req: Record<string, unknown>) => c.unary("sai.SaiDashFlowApi", rpc, req);
        const f = await sai("CreateFlowEntryBulkGetSessionFilter", {
          switch_id: sw[0],
          attributes: { dash_flow_entry_bulk_get_session_filter_key: 7, dash_flow_entry_bulk_get_session_op_key: 1, int_value: 22 },
        });
        const session = await sai("CreateFlowEntryBulkGetSession", {
          switch_id: sw[0],
          attributes: { dash_flow_entry_bulk_get_session_mode: 1, first_flow_entry_bulk_get_session_filter_id: f.object_id },
        });
        const report = await c.unary("dashflow.DashflowControl", "AwaitSession", { session_id: session.object_id });
        expect(report.status_name).toBe("SAI_STATUS_SUCCESS");
        const vendor = gunzipSync(readFileSync(String(report.file))).toString().trim().split("\n");
        rmSync(String(report.file), { force: true });
        expect([...vendor].sort()).toEqual([...rows].sort());
      } finally {
        c.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("rejects bad filters with a clear message and exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["colour=red"], /unknown filter field "colour"; use one of eni_mac, ip_proto, src_ip, dst_ip, src_port, dst_port, version/],
      [["src_ip=10.0.0.300"], /filter on src_ip: expected an IPv4 or IPv6 address/],
      [["dst_port=70000"], /filter on dst_port: 70000 is larger than 65535/],
      [["version~3"], /bad filter "version~3"/],
      [["eni_mac=00:aa:bb"], /filter on eni_mac: expected a MAC address/],
      [["version>1", "version>2", "version>3", "version>4", "version>5", "version>6"], /at most 5 filters/],
    ];
    // the same check runs in the CLI (before connecting) and in the server: every case in-process…
    for (const [fs, want] of cases) {
      const split = fs.map(splitFilter);
      const bad = split.find((s) => !s.ok);
      const msg = bad && !bad.ok ? bad.error : (() => {
        const c = compileFilters(split.map((s) => (s as { filter: FilterText }).filter));
        return c.ok ? "" : c.error;
      })();
      expect(msg).toMatch(want);
    }
    // …and two through the command, for the exit code and the one-line message
    const runs = await Promise.all([cli(["dump", "--target", server.address, "--filter", "colour=red"]), cli(["dump", "--target", server.address, "--filter", "dst_port=70000"])]);
    runs.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(cases[i === 0 ? 0 : 2]![1]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1); // one line, no stack trace
    });
  }, 60_000);
});
