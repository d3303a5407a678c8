/**
 * Progress bars on stderr (cli-progress), shown only when stderr is a terminal: logs and pipes get the final
 * summary line alone, never a stream of redraws.
 */
import cliProgress from "cli-progress";
import { human } from "./common.js";

/** A progress display for a count of flows. */
export interface Progress {
  /** Sets the current count (and optionally a new total). */
  update(value: number, total?: number): void;
  /** Removes the bar (the caller prints its summary afterwards). */
  stop(): void;
}

/** A bar with percentage, count and flows/s; a no-op when stderr is not a TTY or `enabled` is false. */
export function flowProgress(label: string, total: number, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {percentage}% | {value}/{total} flows | {rate} flows/s | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  bar.start(Math.max(total, 1), 0, { rate: "0" });
  return {
    update(value, newTotal) {
      if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
      const secs = (Date.now() - t0) / 1000;
      bar.update(value, { rate: human(secs > 0 ? value / secs : 0) });
    },
    stop() {
      bar.stop();
    },
  };
}
