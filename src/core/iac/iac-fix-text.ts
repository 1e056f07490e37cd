// The text of mechanical IaC quick fixes, computed from the source text and the reader's source map alone
// (no editor types, so it is unit-tested directly): add the Power Platform delegation to a subnet, and add
// the missing reverse peering. A fix is offered only when the edit is certain to be right.
import type { IacReadResult } from './read-iac';
import { POWER_PLATFORM_DELEGATION } from '../model/kinds';
import { LineIndex, type SourceLocation } from '../model/source-range';

/** A text insertion at an offset of one file. */
export interface TextInsert {
  readonly file: string;
  readonly offset: number;
  readonly text: string;
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function offsets(text: string, at: SourceLocation): [number, number] {
  const lines = new LineIndex(text);
  return [lines.offset(at.range.start), lines.offset(at.range.end)];
}

/** Adds a Microsoft.PowerPlatform/enterprisePolicies delegation to a subnet that has none. */
export function delegationFix(read: IacReadResult, subnetId: string, textOf: (file: string) => string | undefined): TextInsert | undefined {
  const subnet = read.design.elements.find((e) => e.id === subnetId);
  if (subnet?.kind !== 'subnet' || (subnet.delegations ?? []).length > 0 || subnet.delegations === undefined) return undefined;
  const exact = (property: string) => (read.sourceMap.has({ elementId: subnetId, property }) ? read.sourceMap.get({ elementId: subnetId, property }) : undefined);
  const props = exact('$properties');
  const extent = exact('$extent');
  if (props) {
    // ARM shape (Bicep, azapi): a `delegations` property at the top of the subnet's `properties` object.
    const text = textOf(props.file);
    if (text === undefined) return undefined;
    const [start, end] = offsets(text, props);
    if (text[start] !== '{') return undefined;
    const terraform = props.file.endsWith('.tf');
    const entry = terraform
      ? `{ name = "${POWER_PLATFORM_DELEGATION}", properties = { serviceName = "${POWER_PLATFORM_DELEGATION}" } }`
      : `{ name: '${POWER_PLATFORM_DELEGATION}', properties: { serviceName: '${POWER_PLATFORM_DELEGATION}' } }`;
    const prop = terraform ? `delegations = [${entry}]` : `delegations: [ ${entry} ]`;
    const body = text.slice(start, end);
    if (!body.includes('\n')) {
      const empty = /^\{\s*\}$/.test(body);
      return { file: props.file, offset: start + 1, text: empty ? ` ${prop} ` : ` ${prop},` };
    }
    const nextLine = text.indexOf('\n', start) + 1;
    const indent = indentOf(text, nextLine) || `${indentOf(text, start)}  `;
    return { file: props.file, offset: nextLine, text: `${indent}${prop}\n` };
  }
  if (extent && extent.file.endsWith('.tf')) {
    // azurerm_subnet (or an inline subnet block): a `delegation` block before the closing brace.
    const text = textOf(extent.file);
    if (text === undefined) return undefined;
    const [start, end] = offsets(text, extent);
    const close = text.lastIndexOf('}', end - 1);
    if (close <= start) return undefined;
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    if (text.slice(lineStart, close).trim() !== '') return undefined;
    const outer = indentOf(text, lineStart);
    const i = `${outer}  `;
    const block = [
      `${i}delegation {`,
      `${i}  name = "powerplatform"`,
      `${i}  service_delegation {`,
      `${i}    name    = "${POWER_PLATFORM_DELEGATION}"`,
      `${i}    actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]`,
      `${i}  }`,
      `${i}}`,
    ].join('\n');
    return { file: extent.file, offset: lineStart, text: `\n${block}\n` };
  }
  return undefined;
}

/**
 * Adds the peering back for a one-way peering declared as its own resource: a copy of the declaration with
 * the two VNet references swapped. Offered only when both references are plain resource references.
 */
export function reversePeeringFix(read: IacReadResult, relationId: string, textOf: (file: string) => string | undefined): TextInsert | undefined {
  if (!read.sourceMap.has({ relationId, property: '$extent' })) return undefined;
  const extent = read.sourceMap.get({ relationId, property: '$extent' })!;
  const text = textOf(extent.file);
  if (text === undefined) return undefined;
  const [start, end] = offsets(text, extent);
  const decl = text.slice(start, end);
  let copy: string | undefined;
  if (extent.file.endsWith('.tf')) {
    const local = /(virtual_network_name\s*=\s*)([A-Za-z0-9_.["\]-]+)\.name\b/.exec(decl);
    const remote = /(remote_virtual_network_id\s*=\s*)([A-Za-z0-9_.["\]-]+)\.id\b/.exec(decl);
    const header = /^resource\s+"azurerm_virtual_network_peering"\s+"([^"]+)"/.exec(decl);
    if (!local || !remote || !header) return undefined;
    copy = decl
      .replace(header[0], `resource "azurerm_virtual_network_peering" "${header[1]}_reverse"`)
      .replace(local[0], `${local[1]}${remote[2]}.name`)
      .replace(remote[0], `${remote[1]}${local[2]}.id`)
      .replace(/(\n\s*name\s*=\s*")([^"$]*)(")/, '$1$2-reverse$3');
  } else {
    const parent = /(\bparent:\s*)([A-Za-z_][A-Za-z0-9_]*)\s*$/m.exec(decl);
    const remote = /(remoteVirtualNetwork:\s*\{\s*id:\s*)([A-Za-z_][A-Za-z0-9_]*)\.id\b/.exec(decl);
    const header = /^resource\s+([A-Za-z_][A-Za-z0-9_]*)\s/.exec(decl);
    if (!parent || !remote || !header) return undefined;
    copy = decl
      .replace(header[0], `resource ${header[1]}Reverse `)
      .replace(parent[0], `${parent[1]}${remote[2]}`)
      .replace(remote[0], `${remote[1]}${parent[2]}.id`)
      .replace(/(\n\s*name:\s*')([^'$]*)(')/, '$1$2-reverse$3');
  }
  return { file: extent.file, offset: end, text: `\n\n${copy}` };
}
