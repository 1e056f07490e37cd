// AZ-17: every name the design deploys as-is meets Azure's naming rules for its resource type.
import type { Element } from '../../model/schema';
import { hasDeployedName } from '../../model/unresolved-name';
import type { Rule } from '../rule';

/** Azure's rule for most Microsoft.Network names: letters, digits, "_", "." and "-"; start alphanumeric, end alphanumeric or "_". */
const NETWORK_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const NETWORK_CHARS = 'letters, digits, "_", "." or "-", starting with a letter or digit and ending with a letter, digit or "_"';

interface NameRule {
  readonly what: string;
  readonly min: number;
  readonly max: number;
}

/** Lengths from "Naming rules and restrictions for Azure resources" (Microsoft.Network). */
const NETWORK_RULES: Partial<Record<Element['kind'], NameRule>> = {
  vnet: { what: 'VNet', min: 2, max: 64 },
  subnet: { what: 'Subnet', min: 1, max: 80 },
  natGateway: { what: 'NAT gateway', min: 1, max: 80 },
  nsg: { what: 'NSG', min: 1, max: 80 },
  routeTable: { what: 'Route table', min: 1, max: 80 },
  vpnGateway: { what: 'VPN gateway', min: 1, max: 80 },
  expressRouteGateway: { what: 'ExpressRoute gateway', min: 1, max: 80 },
  privateEndpoint: { what: 'Private endpoint', min: 2, max: 64 },
};
const CHILD_RULE = { min: 1, max: 80 };

/** Why `name` breaks a Microsoft.Network naming rule, or undefined when it meets it. */
export function networkNameProblem(name: string, rule: { min: number; max: number }): string | undefined {
  const length = [...name].length;
  if (length < rule.min || length > rule.max) return `${rule.min}–${rule.max} characters (it has ${length})`;
  if (!NETWORK_NAME.test(name)) return NETWORK_CHARS;
  return undefined;
}

/** A private DNS zone is a DNS name: 2–34 labels of 1–63 letters, digits, "_" or "-", no trailing dot. */
export function dnsZoneNameProblem(name: string): string | undefined {
  const labels = name.split('.');
  if (labels.length < 2 || labels.length > 34) return `2–34 dot-separated labels (it has ${labels.length})`;
  if (name.length > 253) return 'at most 253 characters';
  const bad = labels.find((l) => !/^[A-Za-z0-9_-]{1,63}$/.test(l));
  return bad === undefined ? undefined : `labels of 1–63 letters, digits, "_" or "-" ("${bad}" is not one)`;
}

export const rule: Rule = {
  meta: {
    id: 'AZ-17',
    title: 'Names meet Azure\'s naming rules',
    severity: 'error',
    category: 'naming',
    rationale:
      'Azure refuses a deployment whose resource names break the naming rules of their type: VNets and private endpoints take 2–64 characters, subnets, NSGs, ' +
      'NSG rules, route tables, routes, NAT gateways and virtual network gateways 1–80, all of them letters, digits, "_", "." and "-", starting with a letter or digit ' +
      'and ending with a letter, digit or "_". A private DNS zone is a DNS name of 2–34 labels. Spaces, "/", "#" and quotes are never allowed, so a name with them ' +
      'fails at deployment, and a "/" would also be read as a child resource path. Names an IaC file computes in a way the reader cannot evaluate are not judged.',
    fix: 'Rename the element (or the NSG rule or route) with letters, digits, "-", "_" and "."; keep free text for the description.',
    sources: [
      { title: 'Naming rules and restrictions for Azure resources: Microsoft.Network', url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork' },
      { title: 'What is a private Azure DNS zone: restrictions', url: 'https://learn.microsoft.com/azure/dns/private-dns-privatednszone#restrictions' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const el of topology.design.elements) {
      if (!hasDeployedName(el)) continue;
      const rule = NETWORK_RULES[el.kind];
      const problem = rule ? networkNameProblem(el.name, rule) : el.kind === 'privateDnsZone' ? dnsZoneNameProblem(el.name) : undefined;
      const what = rule?.what ?? 'Private DNS zone';
      if (problem) report({ elementId: el.id, property: 'name', message: `${what} name "${el.name}" is not valid in Azure: it must be ${problem}.` });
      const children: { name: string }[] = el.kind === 'nsg' ? (el.rules ?? []) : el.kind === 'routeTable' ? (el.routes ?? []) : [];
      const property = el.kind === 'nsg' ? 'rules' : 'routes';
      for (const child of children) {
        const childProblem = networkNameProblem(child.name, CHILD_RULE);
        if (childProblem) {
          report({ elementId: el.id, property, message: `${el.kind === 'nsg' ? 'NSG rule' : 'Route'} name "${child.name}" of "${el.name}" is not valid in Azure: it must be ${childProblem}.` });
        }
      }
    }
  },
};
