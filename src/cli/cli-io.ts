// The CLI's view of the outside world (output streams, working directory, environment), passed in so
// commands can be tested in-process; plus the exit codes and a tiny strict argument parser.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag`. `valued` lists the options that take a
 * value; anything not in `valued` or `flags` is a usage error, so typos never pass silently.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else if (flags.includes(name) && eq < 0) {
      options[name] = true;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options };
}
