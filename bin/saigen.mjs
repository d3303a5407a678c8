#!/usr/bin/env node
// Entry point: loads the TypeScript sources through tsx, so `npx saigen` works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../generator/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
