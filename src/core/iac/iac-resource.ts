// What both evaluators produce and the topology mapper consumes: resources with statically evaluated
// bodies, and the reader's own diagnostics (limits hit, modules not found — never IaC syntax errors).
import { LineIndex, type SourceLocation, type SourceRange } from '../model/source-range';
import type { ObjValue } from './iac-value';
import type { SyntaxNode } from './syntax-node';

export interface IacResource {
  /** Unique within one read: Bicep symbolic name (module-prefixed, loop-indexed) or Terraform address. */
  readonly key: string;
  /** `arm`: ARM-shaped body (Bicep, azapi_resource). `terraform`: provider resource attributes and blocks. */
  readonly flavour: 'arm' | 'terraform';
  /** ARM type (`Microsoft.Network/virtualNetworks`) or Terraform type (`azurerm_subnet`). */
  readonly type: string;
  readonly apiVersion?: string;
  /** Where the type (and API version) is written. */
  readonly typeAt?: SourceLocation;
  readonly body: ObjValue;
  /** The resource's header: where findings about the resource as a whole are shown. */
  readonly at: SourceLocation;
  /** The whole declaration, for quick fixes that insert into or after it. */
  readonly extent: SourceLocation;
  /** How other code refers to it: `azurerm_subnet.pp["weu"]`, or a Bicep symbolic name. */
  readonly address?: string;
  /** Key of the parent resource (`parent:`, nesting, azapi `parent_id`), when known. */
  readonly parentKey?: string;
  readonly existing?: boolean;
  /** Read through a stand-in for a registry module that is not on disk (its source): no quick fix edits it. */
  readonly viaInterface?: string;
}

export interface IacDiagnostic {
  readonly file: string;
  readonly range: SourceRange;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** One parsed file: its text, line index and the helpers that turn syntax nodes into locations. */
export class SourceText {
  readonly lines: LineIndex;

  constructor(readonly file: string, readonly text: string) {
    this.lines = new LineIndex(text);
  }

  loc(node: SyntaxNode): SourceLocation {
    return this.span(node.startIndex, node.endIndex);
  }

  span(start: number, end: number): SourceLocation {
    return { file: this.file, range: this.lines.range(start, Math.max(0, end - start)) };
  }
}

/** Makes a name usable as (part of) a design id: letters, digits, `.`, `_`, `-`; starts alphanumeric. */
export function idPart(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return cleaned || 'x';
}
