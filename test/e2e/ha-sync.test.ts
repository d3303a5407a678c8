/**
 * Smart-switch HA end to end: two `dashflow serve` processes, 100k flows loaded into the active, bulk transfer to
 * the standby, digests compared; the standby killed mid-transfer; the version rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticFlow } from "../../runtime/cli/synthetic.js";
import { cli, client, countFlows, digest, killAll, loadFlows, startCli, startServer, type Server } from "./harness.js";

afterAll(killAll);

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

describe("HA bulk sync", () => {
  let active: Server;
  let standby: Server;

  beforeAll(async () => {
    [active, standby] = await Promise.all([startServer(["--role", "active"]), startServer(["--role", "standby"])]);
  }, 90_000);

  it("transfers 100k flows; the standby ends with the active's digest", async () => {
    const load = await cli(["load", "--target", active.address, "--flows", "100000", "--seed", "1"]);
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toMatch(/loaded 100000 flows/);

    const sync = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/finished: sent 100000, received 100000, applied 100000 \(inserted 100000, updated 0\), skipped as older 0, failed 0/);
    // pairing provisioned the standby's flow table for the active's flows; the summary says how long that took
    expect(standby.log()).toMatch(/flow table oid:0x[0-9a-f]+ provisioned for 100000 flows/);
    const [, provisionS] = /\(pairing \d+\.\d\d s, provisioning the standby (\d+\.\d\d) s\), transfer \d+\.\d\d s/.exec(sync.stdout) ?? [];
    expect(Number(provisionS), sync.stdout).toBeGreaterThanOrEqual(0);

    const [a, s] = await Promise.all([digest(active.address), digest(standby.address)]);
    expect(a.count).toBe(100_000);
    expect(s).toEqual(a);

    // a repeat changes nothing: every flow is already there in the same version
    const again = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/applied 0 .*skipped as older 100000, failed 0/);
    expect(again.stdout).toMatch(/provisioning the standby 0\.00 s/);
    // the standby already held as many flows: no second provisioning
    expect(standby.log().match(/provisioned for/g)).toHaveLength(1);
    expect(await digest(standby.address)).toEqual(a);
  }, 120_000);

  it("fails fast when the standby dies mid-transfer, and a second sync after its restart completes", async () => {
    // a fresh standby, throttled so the transfer is certainly running when it is killed
    const victim = await startServer(["--role", "standby", "--max-apply-rate", "40000"]);
    const sync = startCli(["sync", "--from", active.address, "--to", victim.address, "--no-progress"]);
    const probe = client(victim.address);
    let exited = false;
    void sync.done.then(() => (exited = true));
    try {
      // wait until flows are arriving (bounded: a sync that ended first fails the test below)
      for (const until = Date.now() + 60_000; !exited && Date.now() < until; ) {
        const info = await probe.unary("dashflow.DashflowControl", "Info", {}, 5000);
        if (Number(info.flow_count ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      probe.close();
    }
    expect(exited, "the sync ended before the standby was killed").toBe(false);
    const killedAt = performance.now();
    victim.proc.kill("SIGKILL");
    const r = await sync.done;
    const reactionMs = performance.now() - killedAt;
    expect(r.code, r.stdout + r.stderr).toBe(1);
    // whichever side noticed first, the report names the dead standby and how far the active's transfer got
    expect(r.stderr).toMatch(/sync .* failed: the transfer stopped after \d+ flows: SAI_STATUS_FAILURE: .*; standby \S+ stopped answering during the transfer: /);
    expect(reactionMs).toBeLessThan(10_000);

    // "restart it": same port, empty (it had no snapshot)
    const back = await startServer(["--role", "standby", "--port", String(victim.port), "--expected-flows", "200000"]);
    const again = await cli(["sync", "--from", active.address, "--to", back.address]);
    expect(again.code, again.stderr).toBe(0);
    const [a, s] = await Promise.all([digest(active.address), digest(back.address)]);
    expect(s).toEqual(a);
    expect(s.count).toBe(100_000);
    // started with --expected-flows, it committed a table's memory at start (the table the sync created took it)
    for (let i = 0; i < 200 && !/memory for 200000 flows per table committed in \d+ ms/.test(back.log()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(back.log()).toMatch(/memory for 200000 flows per table committed in \d+ ms/);
  }, 120_000);
});

describe("HA version rule", () => {
  it("inserts missing flows, updates older ones, keeps newer ones", async () => {
    const [active, standby] = await Promise.all([startServer(["--role", "active"]), startServer(["--role", "standby"])]);
    // the same flow set (seed 7): the active holds versions 1-5; the standby holds flows 0-299 at version 0
    // (older) and flows 300-599 at version 100 (newer); flows 600-999 are missing on the standby
    const [load] = await Promise.all([
      cli(["load", "--target", active.address, "--flows", "1000", "--seed", "7", "--versions", "1-5"]),
      loadFlows(standby.address, { seed: 7, versions: [0, 0], count: 300 }).then(() =>
        loadFlows(standby.address, { seed: 7, versions: [100, 100], first: 300, count: 300 }),
      ),
    ]);
    expect(load.code, load.stderr).toBe(0);

    const sync = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/sent 1000, received 1000, applied 700 \(inserted 400, updated 300\), skipped as older 300, failed 0/);

    expect(await countFlows(standby.address, ["version=100"])).toBe(300);
    expect(await countFlows(standby.address, ["version=0"])).toBe(0);
    const [a, s] = await Promise.all([digest(active.address), digest(standby.address)]);
    expect(s.count).toBe(1000);
    expect(s.digest).not.toBe(a.digest);

    // a version-range transfer only moves that range
    const ranged = await cli(["sync", "--from", active.address, "--to", standby.address, "--version-min", "2", "--version-max", "3"]);
    expect(ranged.code, ranged.stderr).toBe(0);
    const m = /sent (\d+)/.exec(ranged.stdout);
    expect(Number(m?.[1])).toBe(await countFlows(active.address, ["version>=2", "version<=3"]));

    // deletes: the active marks flows FLOW_PENDING_DELETE; the standby removes those it holds in the same version
    // (600-609, inserted by the first sync) and keeps those it holds newer (300-304 at version 100)
    const c = client(active.address);
    try {
      const sw = BigInt(String(((await c.unary("dashflow.DashflowControl", "Info", {})).switch_ids as string[])[0]));
      const mac = Uint8Array.of(0, 0xaa, 0xbb, 0xcc, 0xdd, 0x01);
      for (const i of [...range(600, 610), ...range(300, 305)]) {
        const { key } = syntheticFlow(i, { seed: 7, versions: [1, 5], switchId: sw, eniMac: mac, vnetId: 100 });
        const r = await c.unary("sai.SaiDashFlowApi", "SetFlowEntryAttribute", { key, attribute: { dash_flow_sync_state: 3 } });
        expect(Number(r.status ?? 0)).toBe(0);
      }
    } finally {
      c.close();
    }
    const del = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(del.code, del.stderr).toBe(0);
    expect(del.stdout).toMatch(/deleted 10, failed 0/);
    expect((await digest(standby.address)).count).toBe(990);
    expect(await countFlows(standby.address, ["version=100"])).toBe(300);
  }, 120_000);
});
