// How a finding becomes a Problems-panel entry, for designs and IaC alike: severity, range, the rule id
// linked to its page, related locations; and which document schemes are never checked.
import * as vscode from 'vscode';
import type { SourceRange } from '../../core/model/source-range';
import type { Finding, Severity } from '../../core/rules/rule';
import { ruleDocUri } from './rule-docs';

/** Diff views, SCM and review panes show old versions of a file; their problems would only be noise. */
const IGNORED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'merge-conflict.conflict-diff', 'review', 'pr']);

export function isIgnoredScheme(uri: vscode.Uri): boolean {
  return IGNORED_SCHEMES.has(uri.scheme);
}

export const SEVERITIES: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** `uriOf` names the file of a related location (the design itself, or an IaC file by path). */
export function findingDiagnostic(f: Finding, extensionUri: vscode.Uri, uriOf: (file: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(f.location ? toRange(f.location.range) : new vscode.Range(0, 0, 0, 0), f.message, SEVERITIES[f.severity]);
  d.source = 'ppvnet';
  const target = ruleDocUri(extensionUri, f.ruleId);
  d.code = target ? { value: f.ruleId, target } : f.ruleId;
  const related = (f.related ?? []).filter((r) => r.location);
  if (related.length > 0) {
    d.relatedInformation = related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.location!.file), toRange(r.location!.range)), r.message));
  }
  return d;
}
