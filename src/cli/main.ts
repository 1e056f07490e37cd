// Entry point of the `ppvnet` command-line tool: parses the sub-command and hands over. Exit codes:
// 0 = no error-level findings, 1 = errors found, 2 = usage error or unreadable input.
import { runDiagram } from './commands/diagram';
import { runDiff } from './commands/diff';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runPlanAddresses } from './commands/plan-addresses';
import { runSchema } from './commands/schema';
import { runValidate } from './commands/validate';
import { runVerify } from './commands/verify';
import { EXIT_USAGE, UsageError, type CliIo } from './cli-io';

interface Command {
  readonly summary: string;
  /** The command prints its own, longer help for --help. */
  readonly ownHelp?: boolean;
  run(args: string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { summary: 'validate designs, Bicep files or Terraform folders: validate <path…> [--format text|json|sarif]', run: runValidate, ownHelp: true },
  verify: { summary: 'follow every network flow of a design, Bicep file or Terraform folder: verify <path> [--from ID] [--to ID] [--format text|json|sarif]', run: runVerify, ownHelp: true },
  export: { summary: 'export a design: export <design> --to bicep|terraform --out <dir> [--force] [--allow-errors] [--config <file>]', run: runExport },
  diagram: { summary: 'draw a design as SVG: diagram <design> --out <file.svg> [--config <file>]', run: runDiagram },
  diff: { summary: 'compare two designs, Bicep files or Terraform folders (or <rev>:<path>): diff <old> <new> [--format text|markdown|json|sarif] [--svg <file>]', run: runDiff, ownHelp: true },
  import: { summary: 'read a design from Azure, a Bicep file or a Terraform folder: import --subscription <id> --out <file> | import <path> [--out <file>]', run: runImport, ownHelp: true },
  'plan-addresses': { summary: 'address pools, used and free ranges, a new VNet pair: plan-addresses <folder|design…> [--format text|json] [--prefix N] [--new-pair]', run: runPlanAddresses, ownHelp: true },
  schema: { summary: 'print the JSON Schema of *.ppvnet.json', run: runSchema },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}`);
  return `usage: ppvnet <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nexit codes: 0 no errors, 1 errors found, 2 usage error or unreadable input\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`ppvnet: unknown command '${name}'\n${usage()}`);
    return EXIT_USAGE;
  }
  if (!command.ownHelp && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(`ppvnet ${name}: ${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ppvnet ${name}: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

if (require.main === module) {
  const io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), cwd: process.cwd(), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`ppvnet: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
