// SARIF 2.1.0 output of `ppvnet validate --format sarif`, shaped for GitHub code scanning: a rules table
// with help links, results with repository-relative locations (uriBaseId %SRCROOT%) and 1-based regions.
import type { SourceRange } from '../../core/model/source-range';
import type { RuleMeta, Severity } from '../../core/rules/rule';
import { toPortable } from './json';
import type { ReportLocation, ValidationReport } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  readonly toolVersion: string;
  /** The tool's home page. */
  readonly informationUri: string;
  /** Base for rule help pages: `<helpBase><id>.md`. */
  readonly helpBase: string;
  /** Every rule that may appear in results, in table order. */
  readonly rules: readonly SarifRule[];
  /** file:// URI of the directory the relative paths start from (the working directory), ending in "/". */
  readonly srcRoot?: string;
}

/** What the rules table needs of a rule; pseudo-rules (PPV-LOAD, PPV-CONFIG) bring their own help link. */
export interface SarifRule extends Pick<RuleMeta, 'id' | 'title' | 'severity' | 'rationale' | 'fix'> {
  readonly category: string;
  readonly helpUri?: string;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export const sarifLevel = (s: Severity): SarifLevel => (s === 'info' ? 'note' : s);

export function formatSarif(report: ValidationReport, options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const rules = options.rules.map((r) => {
    const helpUri = r.helpUri ?? `${options.helpBase}${r.id}.md`;
    return {
      id: r.id,
      name: pascalName(r.title),
      shortDescription: { text: r.title },
      fullDescription: { text: r.rationale },
      help: { text: r.fix, markdown: `${r.fix}\n\n[${r.id} documentation](${helpUri})` },
      helpUri,
      defaultConfiguration: { level: sarifLevel(r.severity) },
      properties: { category: r.category, tags: [r.category] },
    };
  });
  const results = report.findings.map((f) => {
    const index = ruleIndex.get(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: physical(f) }],
      ...(f.related && f.related.length > 0
        ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: physical(r) })) }
        : {}),
      ...(f.elementId || f.relationId
        ? { properties: { ...(f.elementId ? { elementId: f.elementId } : {}), ...(f.relationId ? { relationId: f.relationId } : {}), ...(f.property ? { property: f.property } : {}) } }
        : {}),
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ppvnet', fullName: 'Power Platform VNet Designer', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: options.informationUri, rules } },
        ...(options.srcRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRoot } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function physical(loc: ReportLocation) {
  return { artifactLocation: { uri: relativeUri(loc.file), uriBaseId: SRCROOT }, region: region(loc.range) };
}

/** Relative URI reference: forward slashes, each segment percent-encoded (spaces, #, % in file names). */
export function relativeUri(file: string): string {
  return toPortable(file).split('/').map(encodeURIComponent).join('/');
}

/** SARIF regions are 1-based; the end column is exclusive, as in the core's ranges. */
export function region(range: SourceRange) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** "Subnets lie inside their VNet" → "SubnetsLieInsideTheirVnet": SARIF's rule name is an identifier. */
function pascalName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}
