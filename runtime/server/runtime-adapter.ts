/**
 * Where the server gets its runtime. The reference runtime (`runtime/runtime.ts`) is owned by another module; the
 * server depends only on the `DashRuntime` interface of `runtime/api.ts` and reaches the implementation through
 * this one import, so a different implementation (a DPU binding, a fake in tests) plugs in here.
 */
import type { DashRuntime, RuntimeOptions } from "../api.js";

/** Builds the reference runtime. */
export async function createDashRuntime(options: RuntimeOptions): Promise<DashRuntime> {
  // a computed specifier keeps the type check independent of the implementation module while it is being written
  const spec = "../runtime.js";
  const mod = (await import(spec)) as { createRuntime(o: RuntimeOptions): DashRuntime | Promise<DashRuntime> };
  return await mod.createRuntime(options);
}
