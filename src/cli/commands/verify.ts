// `ppvnet verify <design | Bicep file | Terraform folder…> [--from ID] [--to ID] [--format text|json|sarif]`:
// runs the network verifier over each input and prints every flow with its verdict, the hops of the
// flows that are not reachable, and the deciding item at its file position. Exit 0 = no blocked flow,
// 1 = a blocked flow, 2 = usage error or unreadable input.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import type { DesignRef, Locator } from '../../core/rules/rule';
import { targetKey, type Flow, type Hop } from '../../core/verify/flow';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import { verifyDesign } from '../../core/verify/verify-design';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, UsageError, type CliIo } from '../cli-io';
import { toPortable } from '../format/json';
import type { ReportFinding, ReportLocation } from '../format/report';
import { formatSarif, type SarifRule } from '../format/sarif';
import { ValidationService } from '../validation-service';
import { PSEUDO_RULES } from './validate';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const VERIFY_USAGE = `usage: ppvnet verify <design | Bicep file | Terraform folder…> [--from ID] [--to ID] [--format text|json|sarif]

  Follows every flow from each delegated subnet of each enterprise policy (primary and failover) to the
  private endpoints, services, on-premises networks, internet hosts and DNS servers its workloads use,
  through NSG rules, effective routes, peerings, gateways, NAT and appliances, and says whether it is
  reachable, blocked or unknown (the design does not say enough), with the hop that decides.

  --from     only flows from this policy, delegated subnet or VNet id
  --to       only flows to this target: an element id, or dns:<server> / internet:<host>
  --format   text (default), json, or sarif (blocked flows as errors, unknown ones as notes)

  exit codes: 0 no blocked flow, 1 a blocked flow, 2 usage error or unreadable input
`;

export const FLOW_BLOCKED_ID = 'PPV-FLOW-BLOCKED';
export const FLOW_UNKNOWN_ID = 'PPV-FLOW-UNKNOWN';
const REPOSITORY = pkg.repository.url.replace(/\.git$/, '');

const FLOW_RULES: readonly SarifRule[] = [
  {
    id: FLOW_BLOCKED_ID,
    title: 'Network flow blocked',
    severity: 'error',
    category: 'peering',
    rationale: 'A workload of the policy cannot reach this target from this delegated subnet: an NSG rule, a route, a peering setting, a missing NAT gateway or DNS link stops it, so it fails there (on failover when the subnet is the failover one).',
    fix: 'Change the item the result points at: the NSG rule, the route, the peering flag, the DNS zone link, or add the NAT gateway.',
    helpUri: `${REPOSITORY}/blob/main/README.md#command-line`,
  },
  {
    id: FLOW_UNKNOWN_ID,
    title: 'Network flow cannot be judged from the design',
    severity: 'info',
    category: 'peering',
    rationale: 'The design does not hold what decides this flow (an appliance’s own rules, the port a connector uses, where a custom DNS server forwards), so the verifier does not guess.',
    fix: 'Add what is missing to the design, or check the flow after deployment.',
    helpUri: `${REPOSITORY}/blob/main/README.md#command-line`,
  },
];

interface InputResult {
  readonly file: string;
  readonly flows: readonly Flow[];
  readonly locate?: Locator;
}

export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['format', 'from', 'to'], ['help']);
  if (options.help) {
    io.stdout(VERIFY_USAGE);
    return EXIT_OK;
  }
  if (positional.length === 0) throw new UsageError('give a design file, Bicep file or Terraform folder');
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${String(options.format)}'`);
  const from = typeof options.from === 'string' ? options.from : undefined;
  const to = typeof options.to === 'string' ? options.to : undefined;
  // The flows do not depend on rule levels, so no configuration is read; the inputs load as for validate.
  const inputs = await new ValidationService(io.cwd, undefined).inputs(positional);
  const broken = inputs.filter((i) => i.errors.length > 0 || !i.design);
  if (broken.length > 0) {
    for (const i of broken) for (const e of i.errors) io.stderr(`${escapeUnsafeCharacters(`${e.file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}`)}\n`);
    return EXIT_USAGE;
  }
  const results: InputResult[] = inputs.map((i) => ({ file: i.file, flows: verifyDesign(i.design!, { ...(from ? { from } : {}), ...(to ? { to } : {}) }), ...(i.locate ? { locate: i.locate } : {}) }));
  if ((from || to) && results.every((r) => r.flows.length === 0)) {
    throw new UsageError(`no flow matches${from ? ` --from '${from}'` : ''}${to ? ` --to '${to}'` : ''}; --from takes a policy, delegated subnet or VNet id, --to a target id`);
  }
  io.stdout(render(results, format, io.cwd));
  return results.some((r) => r.flows.some((f) => f.verdict === 'blocked')) ? EXIT_FINDINGS : EXIT_OK;
}

function render(results: readonly InputResult[], format: Format, cwd: string): string {
  switch (format) {
    case 'text':
      return formatFlowsText(results);
    case 'json':
      return JSON.stringify({ inputs: results.map((r) => ({ file: toPortable(r.file), flows: r.flows.map((f) => ({ ...f, deciding: f.deciding && withLocation(f.deciding, r) })) })) }, null, 2) + '\n';
    case 'sarif': {
      const srcRoot = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
      const findings = results.flatMap((r) => r.flows.filter((f) => f.verdict !== 'reachable').map((f) => toFinding(f, r)));
      return formatSarif({ inputs: results.map((r) => r.file), findings }, { toolVersion: pkg.version, informationUri: REPOSITORY, helpBase: `${REPOSITORY}/blob/main/docs/rules/`, rules: [...FLOW_RULES, ...PSEUDO_RULES], srcRoot });
    }
  }
}

function locationOf(ref: DesignRef, r: InputResult): ReportLocation {
  const loc = r.locate?.(ref);
  return loc ? { file: loc.file, range: loc.range } : { file: r.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function withLocation(hop: Hop, r: InputResult) {
  const loc = locationOf(hop, r);
  return { ...hop, file: toPortable(loc.file), range: loc.range };
}

const describe = (f: Flow) => `${f.sourceSubnetId} (${f.side}) → ${targetKey(f.target)}${f.port === undefined ? ` ${f.protocol.toUpperCase()} any port` : ` ${f.protocol.toUpperCase()} ${f.port}`}${f.implied ? ' [presumed target]' : ''}`;

function toFinding(f: Flow, r: InputResult): ReportFinding {
  const hop = f.deciding!;
  return {
    ruleId: f.verdict === 'blocked' ? FLOW_BLOCKED_ID : FLOW_UNKNOWN_ID,
    severity: f.verdict === 'blocked' ? 'error' : 'info',
    message: `${describe(f)}: ${hop.text}`,
    ...(hop.elementId ? { elementId: hop.elementId } : {}),
    ...(hop.relationId ? { relationId: hop.relationId } : {}),
    ...(hop.property ? { property: hop.property } : {}),
    ...locationOf(hop, r),
  };
}

/** One line per flow, then the hops of every flow that is not reachable, the deciding one marked. */
export function formatFlowsText(results: readonly InputResult[]): string {
  const lines: string[] = [];
  const counts = { reachable: 0, blocked: 0, unknown: 0 };
  for (const r of results) {
    lines.push(`${r.file}:`);
    for (const f of r.flows) {
      counts[f.verdict]++;
      lines.push(`  ${f.verdict.toUpperCase().padEnd(9)} ${f.policyId}: ${describe(f)}`);
      if (f.verdict === 'reachable') continue;
      for (const h of f.hops) {
        const loc = locationOf(h, r);
        const mark = h === f.deciding ? '>' : ' ';
        lines.push(`      ${mark} ${h.verdict.padEnd(9)} ${h.text}${h === f.deciding ? `  (${loc.file}:${loc.range.start.line + 1}:${loc.range.start.character + 1})` : ''}`);
      }
    }
  }
  const total = counts.reachable + counts.blocked + counts.unknown;
  lines.push(`${total} flow${total === 1 ? '' : 's'}: ${counts.reachable} reachable, ${counts.blocked} blocked, ${counts.unknown} unknown`);
  // Names in hops come from the inputs: shown escaped, as in validate's text report.
  return lines.map(escapeUnsafeCharacters).join('\n') + '\n';
}
