// The CLI's one validation service: validate, export, diagram and verify load their inputs and judge designs
// here, and diff and plan-addresses take their configuration from it: the one that applies to each input
// (--config, else the nearest config file), read through the safe reader, so a rule turned off in
// ppvnet.config.json is off for every command, as it is in the editor.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { READ_LIMITS } from '../core/iac/read-limits';
import type { Design } from '../core/model/schema';
import { validateDesign } from '../core/rules/engine';
import { CONFIGURABLE_RULE_IDS } from '../core/rules/configurable-rules';
import type { Finding, Locator } from '../core/rules/rule';
import { parseRulesConfig, type RulesConfig } from '../core/rules/rules-config';
import { readNamedFile } from '../node/files/read-inside';
import { UsageError } from './cli-io';
import { ConfigFinder } from './find-config';
import { CONFIG_RULE_ID, type ReportFinding } from './format/report';
import { loadInputs, type LoadedInput } from './load-inputs';

interface LoadedConfig {
  readonly config: RulesConfig;
  readonly problems: readonly ReportFinding[];
}

export class ValidationService {
  private readonly finder = new ConfigFinder();
  private readonly configs = new Map<string, Promise<LoadedConfig>>();
  /** Which configuration file applies to an input, found once per input however many checks ask. */
  private readonly applies = new Map<string, Promise<string | undefined>>();
  /** Config files that applied to some input: their problems are reported once each. */
  private readonly used = new Set<string>();

  private readonly explicit: string | undefined;
  private explicitChecked: Promise<void> | undefined;

  /** `configOption` is the --config value (relative to cwd); without it each input finds its own. */
  constructor(private readonly cwd: string, private readonly configOption: string | true | undefined) {
    this.explicit = typeof configOption === 'string' ? path.resolve(cwd, configOption) : undefined;
  }

  /** An unreadable --config is a usage error, reported before any design is judged. */
  checkConfig(): Promise<void> {
    this.explicitChecked ??= (async () => {
      if (!this.explicit) return;
      try {
        await access(this.explicit, constants.R_OK);
      } catch {
        throw new UsageError(`cannot read the configuration '${String(this.configOption)}'`);
      }
    })();
    return this.explicitChecked;
  }

  /**
   * The inputs the arguments name. Usage errors, in this order: an argument no reader can use, an
   * unreadable --config, no input found at all.
   */
  async inputs(args: readonly string[]): Promise<LoadedInput[]> {
    const inputs = await loadInputs(args, this.cwd);
    const unusable = inputs.find((i) => i.unusableArgument !== undefined);
    if (unusable) throw new UsageError(unusable.unusableArgument!);
    await this.checkConfig();
    if (inputs.length === 0) throw new UsageError(`no *.ppvnet.json designs found in ${args.map((p) => `'${p}'`).join(', ')}`);
    return inputs;
  }

  /** The rules' findings on a design read from `input` (a file or folder, relative to cwd or absolute). */
  async validate(design: Design, input: string, locate?: Locator): Promise<Finding[]> {
    const config = await this.configOf(input);
    return validateDesign(design, { config, ...(locate ? { locate } : {}) });
  }

  /** The configuration that applies to `input`, as `validate` uses it (for checks across inputs, such as address pools). */
  async configOf(input: string): Promise<RulesConfig | undefined> {
    await this.checkConfig();
    return this.configFor(path.resolve(this.cwd, input));
  }

  /** The problems of every configuration that applied (and of --config even if none did), as PPV-CONFIG findings. */
  async configProblems(): Promise<ReportFinding[]> {
    const files = new Set(this.used);
    if (this.explicit) files.add(this.explicit);
    const out: ReportFinding[] = [];
    for (const f of files) out.push(...(await this.load(f)).problems);
    return out;
  }

  private async configFor(abs: string): Promise<RulesConfig | undefined> {
    let applies = this.applies.get(abs);
    if (!applies) this.applies.set(abs, (applies = this.explicit !== undefined ? Promise.resolve(this.explicit) : isDirectory(abs).then((dir) => this.finder.find(abs, dir))));
    const file = await applies;
    if (!file) return undefined;
    this.used.add(file);
    return (await this.load(file)).config;
  }

  private load(abs: string): Promise<LoadedConfig> {
    let hit = this.configs.get(abs);
    if (!hit) {
      hit = readConfig(this.cwd, abs, path.relative(this.cwd, abs) || abs);
      this.configs.set(abs, hit);
    }
    return hit;
  }
}

async function isDirectory(abs: string): Promise<boolean> {
  try {
    return (await stat(abs)).isDirectory();
  } catch {
    return false;
  }
}

async function readConfig(cwd: string, abs: string, file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    // Through the safe reader: a FIFO or a link to /dev/zero named as the configuration is refused, not waited on.
    text = await readNamedFile(cwd, abs, READ_LIMITS.maxFileBytes);
  } catch (e) {
    const zero = { line: 0, character: 0 };
    const message = `Cannot read the rule configuration: ${e instanceof Error ? e.message : String(e)}`;
    return { config: {}, problems: [{ ruleId: CONFIG_RULE_ID, severity: 'error', message, file, range: { start: zero, end: zero } }] };
  }
  const { config, problems } = parseRulesConfig(text, CONFIGURABLE_RULE_IDS);
  return { config, problems: problems.map((p) => ({ ruleId: CONFIG_RULE_ID, severity: 'error', message: p.message, file, range: p.range })) };
}
