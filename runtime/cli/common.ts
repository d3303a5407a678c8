/**
 * Plumbing shared by the `dashflow` commands: usage errors, option parsing helpers, the metadata model, and a
 * failure type whose message is shown to the user as one line (never a stack trace).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SaiModel } from "../../generator/model/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { formatDiagnostic } from "../../generator/diagnostics.js";

/** A bad command line: the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** An operation that failed for a reason the user can act on: the CLI prints the message and exits 1. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The package root (this file is `runtime/cli/common.ts`). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Header folders: the given ones, else `sai-headers/` of the package (so the CLI works from any folder). */
export function headerDirs(given: readonly string[] | undefined): string[] {
  if (given && given.length > 0) return [...given];
  const local = resolve("sai-headers");
  return [existsSync(local) ? local : join(PACKAGE_ROOT, "sai-headers")];
}

/** Builds the metadata model; header problems are a usage-level failure (exit 2) listing the errors. */
export function loadModel(dirs: readonly string[]): SaiModel {
  for (const d of dirs) if (!existsSync(d)) throw new UsageError(`header folder ${d} does not exist`);
  const r = runPipeline([...dirs]);
  if (r.diagnostics.errorCount > 0) {
    const lines = r.diagnostics
      .sorted()
      .filter((d) => d.severity === "error")
      .slice(0, 10)
      .map(formatDiagnostic);
    throw new CliFailure(`the headers in ${dirs.join(", ")} do not build (${r.diagnostics.errorCount} error(s)):\n${lines.join("\n")}`, 2);
  }
  return r.model;
}

/** Parses `HOST:PORT` (`[v6]:PORT` for IPv6); the message names the option. */
export function parseAddress(option: string, text: string | undefined): { host: string; port: number; address: string } {
  if (!text) throw new UsageError(`--${option} HOST:PORT is required`);
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port < 1 || port > 65535) throw new UsageError(`--${option}: expected HOST:PORT (e.g. 127.0.0.1:50051), got "${text}"`);
  const host = m[1] ?? m[2]!;
  return { host, port, address: text };
}

/** Parses a non-negative integer option. */
export function parseCount(option: string, text: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${option}: expected a non-negative integer, got "${text}"`);
  const n = Number(text);
  if (n > max) throw new UsageError(`--${option}: at most ${max}, got ${text}`);
  return n;
}

/** Formats a rate for people: 1234567 → "1.23M". */
export function human(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}
