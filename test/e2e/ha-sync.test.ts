/**
 * Smart-switch HA end to end: two `dashflow serve` processes, 100k flows loaded into the active, bulk transfer to
 * the standby, digests compared; the standby killed mid-transfer; the version rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, client, digest, killAll, startCli, startServer, type Server } from "./harness.js";

afterAll(killAll);

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

    const [a, s] = await Promise.all([digest(active.address), digest(standby.address)]);
    expect(a.count).toBe(100_000);
    expect(s).toEqual(a);

    // a repeat changes nothing: every flow is already there in the same version
    const again = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/applied 0 .*skipped as older 100000, failed 0/);
    expect(await digest(standby.address)).toEqual(a);
  }, 120_000);

  it("fails fast when the standby dies mid-transfer, and a second sync after its restart completes", async () => {
    // a fresh standby, throttled so the transfer is certainly running when it is killed
    const victim = await startServer(["--role", "standby", "--max-apply-rate", "40000"]);
    const sync = startCli(["sync", "--from", active.address, "--to", victim.address, "--no-progress"]);
    const probe = client(victim.address);
    try {
      for (;;) {
        const info = await probe.unary("dashflow.DashflowControl", "Info", {}, 5000);
        if (Number(info.flow_count ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      probe.close();
    }
    const killedAt = performance.now();
    victim.proc.kill("SIGKILL");
    const r = await sync.done;
    const reactionMs = performance.now() - killedAt;
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(/sync .* failed: /);
    expect(reactionMs).toBeLessThan(10_000);

    // "restart it": same port, empty (it had no snapshot)
    const back = await startServer(["--role", "standby", "--port", String(victim.port)]);
    const again = await cli(["sync", "--from", active.address, "--to", back.address]);
    expect(again.code, again.stderr).toBe(0);
    const [a, s] = await Promise.all([digest(active.address), digest(back.address)]);
    expect(s).toEqual(a);
    expect(s.count).toBe(100_000);
  }, 120_000);
});

describe("HA version rule", () => {
  it("inserts missing flows, updates older ones, keeps newer ones", async () => {
    const [active, standby] = await Promise.all([startServer(["--role", "active"]), startServer(["--role", "standby"])]);
    // the same flow set (seed 7): the active holds versions 1-5; the standby holds flows 0-299 at version 0
    // (older) and flows 300-599 at version 100 (newer); flows 600-999 are missing on the standby
    const loads = await Promise.all([
      cli(["load", "--target", active.address, "--flows", "1000", "--seed", "7", "--versions", "1-5"]),
      cli(["load", "--target", standby.address, "--flows", "300", "--seed", "7", "--versions", "0"]),
    ]);
    for (const l of loads) expect(l.code, l.stderr).toBe(0);
    const newer = await cli(["load", "--target", standby.address, "--first", "300", "--flows", "300", "--seed", "7", "--versions", "100"]);
    expect(newer.code, newer.stderr).toBe(0);

    const sync = await cli(["sync", "--from", active.address, "--to", standby.address]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/sent 1000, received 1000, applied 700 \(inserted 400, updated 300\), skipped as older 300, failed 0/);

    const kept = await cli(["dump", "--target", standby.address, "--filter", "version=100", "--format", "jsonl", "--keys-only"]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stdout.trim().split("\n")).toHaveLength(300);
    const [a, s] = await Promise.all([digest(active.address), digest(standby.address)]);
    expect(s.count).toBe(1000);
    expect(s.digest).not.toBe(a.digest);

    // a version-range transfer only moves that range
    const ranged = await cli(["sync", "--from", active.address, "--to", standby.address, "--version-min", "2", "--version-max", "3"]);
    expect(ranged.code, ranged.stderr).toBe(0);
    const m = /sent (\d+)/.exec(ranged.stdout);
    const inRange = await cli(["dump", "--target", active.address, "--filter", "version>=2", "--filter", "version<=3", "--format", "jsonl", "--keys-only"]);
    expect(Number(m?.[1])).toBe(inRange.stdout.trim().split("\n").length);
  }, 120_000);
});
