/**
 * `saigen`: the generator's command line. Each subcommand lives in its own module.
 */
import { UsageError } from "./io.js";
import { generateCommand } from "./generate.js";
import { metadataCommand } from "./metadata.js";
import { diffCommand } from "./diff.js";
import { validateCommand } from "./validate.js";
import { validateProfileCommand } from "./validate-profile.js";

interface Command {
  summary: string;
  run(argv: string[]): Promise<number> | number;
}

const COMMANDS: Record<string, Command> = {
  metadata: { summary: "parse headers, check them, and print the metadata model as JSON", run: metadataCommand },
  generate: { summary: "generate bindings, validators, protobuf and docs into generated/", run: generateCommand },
  diff: { summary: "compare two header sets and rule on compatibility (compatible, source- or ABI-breaking)", run: diffCommand },
  validate: { summary: "validate create/set/get/remove operations (JSON, or a JSON-lines batch) against the metadata", run: validateCommand },
  "validate-profile": { summary: "check a vendor capability profile against the metadata", run: validateProfileCommand },
};

const HELP = `saigen: SAI header toolkit for the DASH flow API

Usage: saigen <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`)
  .join("\n")}

Common options:
  --headers DIR    a folder of sai*.h headers; repeat for several (default: sai-headers/)
  -h, --help       show help for a command

Exit codes: 0 success, 1 diagnostics or validation failure, 2 unusable input or bad usage.
`;

/** Runs the CLI and returns the exit code; never throws for user errors. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`saigen: unknown command \`${name}\`\n\n${HELP}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`saigen ${name}: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`saigen ${name}: internal error: ${(e as Error).message}\n`);
    if (process.env.SAIGEN_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 70;
  }
}
