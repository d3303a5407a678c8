/**
 * The server's log: one line per event (session, error, lifecycle) on stderr, so stdout carries only the
 * `listening on HOST:PORT` line that scripts and tests parse.
 */

/** Writes log lines. */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** A logger writing `time level message` lines to a stream (stderr by default). */
export function streamLogger(stream: NodeJS.WritableStream = process.stderr, tag = "dashflow"): Logger {
  const line = (level: string, message: string): void => {
    // one event per line: embedded newlines would split an event across lines
    stream.write(`${new Date().toISOString()} ${tag} ${level} ${message.replace(/\s*\n\s*/g, " | ")}\n`);
  };
  return { info: (m) => line("info", m), error: (m) => line("error", m) };
}

/** A logger that drops everything (tests, embedded servers). */
export const silentLogger: Logger = { info: () => {}, error: () => {} };
