#!/usr/bin/env node
// Entry point: loads the TypeScript sources through tsx, so `npx dashflow` works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../runtime/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
// a command is finished here; a handle some library left open must not keep the process alive
setTimeout(() => process.exit(), 2000).unref();
