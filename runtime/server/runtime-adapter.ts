/**
 * Where the server gets its runtime. The reference runtime (`runtime/runtime.ts`) is owned by another module; the
 * server depends only on the `DashRuntime` interface of `runtime/api.ts` and reaches the implementation through
 * this one import, so a different implementation (a DPU binding, a fake in tests) plugs in here.
 */
import type { DashRuntime, RuntimeOptions } from "../api.js";
import { createRuntime } from "../runtime.js";

/** Builds the reference runtime. */
export async function createDashRuntime(options: RuntimeOptions): Promise<DashRuntime> {
  return createRuntime(options);
}
