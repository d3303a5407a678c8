/**
 * FLOW_TTL_IN_MILLISECONDS aging on an injected clock: idle time, what counts as a hit, the standby role, and the
 * aged-flow notification and counters.
 */
import { describe, expect, it } from "vitest";
import type { RuntimeNotification } from "../../runtime/runtime.js";
import { A, FakeClock, FE, flowKey, FT, standard } from "./_helpers.js";

const TTL = [{ id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 1000 }];

describe("aging", () => {
  it("removes flows idle for at least the TTL, counts them and notifies", () => {
    const clock = new FakeClock();
    const { rt, sw, table } = standard({ clock }, TTL);
    const seen: RuntimeNotification[] = [];
    rt.subscribe((n) => seen.push(n));
    rt.createEntry(FE, flowKey(sw, 1), []);
    clock.advance(600);
    rt.createEntry(FE, flowKey(sw, 2), []);
    clock.advance(399);
    expect(rt.age().aged).toBe(0);
    clock.advance(1);
    const r = rt.age();
    expect(r.aged).toBe(1);
    expect(r.byTable.get(table)).toBe(1);
    expect(rt.getEntry(FE, flowKey(sw, 1), [A("VERSION")]).status).toBe("SAI_STATUS_ITEM_NOT_FOUND");
    clock.advance(600);
    expect(rt.age().totalAged).toBe(2);
    expect(rt.flowCount()).toBe(0);
    expect(seen.filter((n) => n.type === "flows_aged").map((n) => (n as { count: number }).count)).toEqual([1, 1]);
  });

  it("set is a hit, get is not", () => {
    const clock = new FakeClock();
    const { rt, sw } = standard({ clock }, TTL);
    rt.createEntry(FE, flowKey(sw, 1), []);
    rt.createEntry(FE, flowKey(sw, 2), []);
    clock.advance(900);
    rt.setEntry(FE, flowKey(sw, 1), { id: A("VERSION"), value: 2 });
    rt.getEntry(FE, flowKey(sw, 2), [A("VERSION")]);
    clock.advance(100);
    expect(rt.age().aged).toBe(1);
    expect(rt.getEntry(FE, flowKey(sw, 1), [A("VERSION")]).code).toBe(0);
  });

  it("TTL 0 never ages; the TTL can be changed later", () => {
    const clock = new FakeClock();
    const { rt, sw, table } = standard({ clock });
    rt.createEntry(FE, flowKey(sw, 1), []);
    clock.advance(1e9);
    expect(rt.age().aged).toBe(0);
    rt.set(FT, table, { id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 10 });
    clock.advance(10);
    expect(rt.age().aged).toBe(1);
  });

  it("a standby never ages; becoming active restarts the idle timers", () => {
    const clock = new FakeClock();
    const { rt, sw } = standard({ clock, role: "standby" }, TTL);
    rt.createEntry(FE, flowKey(sw, 1), []);
    clock.advance(5000);
    expect(rt.age().aged).toBe(0);
    expect(rt.flowCount()).toBe(1);
    rt.setRole("active");
    expect(rt.role).toBe("active");
    expect(rt.age().aged).toBe(0);
    clock.advance(1000);
    expect(rt.age().aged).toBe(1);
  });

  it("ages with an explicit time", () => {
    const clock = new FakeClock();
    const { rt, sw } = standard({ clock }, TTL);
    rt.createEntry(FE, flowKey(sw, 1), []);
    expect(rt.age(clock.now() + 999).aged).toBe(0);
    expect(rt.age(clock.now() + 1000).aged).toBe(1);
  });
});
