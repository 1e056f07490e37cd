// `ppvnet validate <file|dir…> [--format text|json|sarif] [--config <file>]`: runs the rule catalog over
// designs (and Bicep/Terraform through the readers), applies the workspace rule configuration, prints
// findings. Exit 0 = no error-level findings, 1 = errors, 2 = usage error or unreadable input.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { RULES } from '../../core/rules/registry';
import { EXIT_FINDINGS, EXIT_OK, parseArgs, UsageError, type CliIo } from '../cli-io';
import { formatJson } from '../format/json';
import { CONFIG_RULE_ID, LOAD_RULE_ID, READ_NOTE_RULE_ID, toReportFinding, type ReportFinding, type ValidationReport } from '../format/report';
import { formatSarif, type SarifRule } from '../format/sarif';
import { formatText } from '../format/text';
import { ValidationService } from '../validation-service';
import { WORKSPACE_PSEUDO_RULE, workspaceFindings, type CheckedInput } from '../workspace-findings';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const VALIDATE_USAGE = `usage: ppvnet validate <file|folder…> [--format text|json|sarif] [--config <file>]

  Validates *.ppvnet.json designs (folders are searched recursively) and, where readers are installed,
  Bicep files and Terraform folders, against the Power Platform VNet and Azure network rules.

  --format   text (default), json (zero-based ranges) or sarif (SARIF 2.1.0 for code scanning)
  --config   rule configuration file; by default the nearest ppvnet.config.json or .ppvnetrc.json
             in the input's folder or above

  exit codes: 0 no error-level findings, 1 error-level findings, 2 usage error or unreadable input
`;

const REPOSITORY = pkg.repository.url.replace(/\.git$/, '');
const HELP_BASE = `${REPOSITORY}/blob/main/docs/rules/`;

/** Findings that are not design rules: they report inputs and configuration the rules never saw. */
export const PSEUDO_RULES: readonly SarifRule[] = [
  {
    id: LOAD_RULE_ID,
    title: 'Input could not be read as a design',
    severity: 'error',
    category: 'input',
    rationale: 'The file is not valid JSON, does not match the design schema (unknown kind, newer version, duplicate ids, excessive nesting), or a Bicep/Terraform reader could not read it. No rule ran on it.',
    fix: 'Correct the file at the reported position; the designer never rewrites a file it cannot read.',
    helpUri: `${REPOSITORY}/blob/main/README.md#command-line`,
  },
  {
    id: READ_NOTE_RULE_ID,
    title: 'Part of an IaC input was not read',
    severity: 'info',
    category: 'input',
    rationale: 'A Bicep or Terraform reader met something it cannot follow statically (a registry module that is not on disk, a loop over an unknown list, a module that calls itself), so the rules did not see what it deploys. The rest of the input was checked.',
    fix: 'Run terraform init (Terraform reads installed modules), give parameter values in a .bicepparam or tfvars file, or accept that this part is checked at deployment.',
    helpUri: `${REPOSITORY}/blob/main/docs/bicep-reading.md`,
  },
  {
    id: CONFIG_RULE_ID,
    title: 'Rule configuration problem',
    severity: 'error',
    category: 'input',
    rationale: 'ppvnet.config.json or .ppvnetrc.json names an unknown rule or level, or is not valid JSON. Valid entries still apply.',
    fix: 'Use the rule ids of the catalog and one of "error", "warning", "info" or "off".',
    helpUri: `${REPOSITORY}/blob/main/README.md#command-line`,
  },
  { ...WORKSPACE_PSEUDO_RULE, helpUri: `${REPOSITORY}/blob/main/README.md#address-and-capacity-planning` },
];

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['format', 'config'], ['help']);
  if (options.help) {
    io.stdout(VALIDATE_USAGE);
    return EXIT_OK;
  }
  if (positional.length === 0) throw new UsageError('give at least one design file, Bicep file or Terraform folder');
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${String(options.format)}'`);
  const service = new ValidationService(io.cwd, options.config);
  const inputs = await service.inputs(positional);
  const findings: ReportFinding[] = [];
  const checked: CheckedInput[] = [];
  for (const input of inputs) {
    for (const e of input.errors) findings.push({ ruleId: LOAD_RULE_ID, severity: 'error', message: e.message, file: e.file, range: e.range });
    for (const n of input.notes ?? []) findings.push({ ruleId: READ_NOTE_RULE_ID, severity: 'info', message: n.message, file: n.file, range: n.range });
    if (!input.design) continue;
    checked.push({ input, config: await service.configOf(input.file) });
    for (const f of await service.validate(input.design, input.file, input.locate)) findings.push(toReportFinding(f, input.file));
  }
  findings.push(...workspaceFindings(checked));
  findings.push(...(await service.configProblems()));
  findings.sort(compareReportFindings);

  const report: ValidationReport = { inputs: inputs.map((i) => i.file), findings };
  io.stdout(render(report, format, io.cwd));
  return findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function render(report: ValidationReport, format: Format, cwd: string): string {
  switch (format) {
    case 'text':
      return formatText(report);
    case 'json':
      return formatJson(report);
    case 'sarif': {
      const rules: SarifRule[] = [...RULES.map((r) => r.meta), ...PSEUDO_RULES];
      const srcRoot = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
      return formatSarif(report, { toolVersion: pkg.version, informationUri: REPOSITORY, helpBase: HELP_BASE, rules, srcRoot });
    }
  }
}

function compareReportFindings(a: ReportFinding, b: ReportFinding): number {
  return a.file.localeCompare(b.file)
    || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.ruleId.localeCompare(b.ruleId)
    || a.message.localeCompare(b.message);
}
