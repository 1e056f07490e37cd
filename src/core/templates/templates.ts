// The designs offered by "New Design": empty, the seed reference architecture, ALM landing zones, and a
// minimal single-region setup. The sample files are the single copy; the bundler inlines them.
import alm from '../../../samples/alm.ppvnet.json';
import hubFirewall from '../../../samples/hub-firewall.ppvnet.json';
import minimal from '../../../samples/minimal.ppvnet.json';
import seed from '../../../samples/seed.ppvnet.json';
import type { Design } from '../model/schema';

export interface DesignTemplate {
  readonly id: 'empty' | 'seed' | 'alm' | 'minimal' | 'hub-firewall';
  readonly label: string;
  readonly detail: string;
  /** The file name New Design proposes (without .ppvnet.json). */
  readonly fileName: string;
  create(name: string): Design;
}

export const TEMPLATES: readonly DesignTemplate[] = [
  {
    id: 'seed',
    fileName: 'case-management',
    label: 'Reference architecture: case management app',
    detail: 'Paired VNets in Europe, delegated subnets, peering, NAT gateways, NSGs, custom connector with Entra ID OAuth, Key Vault and App Service behind private endpoints',
    create: (name) => ({ ...(structuredClone(seed) as Design), name }),
  },
  {
    id: 'alm',
    fileName: 'alm-landing-zones',
    label: 'ALM landing zones: dev, test and production',
    detail: 'A development environment without a VNet; test and production each with their own enterprise policy and paired VNets (Europe), non-overlapping address spaces and no network path between them',
    create: (name) => ({ ...(structuredClone(alm) as Design), name }),
  },
  {
    id: 'hub-firewall',
    fileName: 'hub-firewall',
    label: 'Hub and spoke with Azure Firewall (forced tunnelling)',
    detail: 'Delegated subnets in two spokes (Europe) route 0.0.0.0/0 to the Azure Firewall of their regional hub; the firewall policy allows SQL, Key Vault, Entra ID and a partner API and denies an unapproved one',
    create: (name) => ({ ...(structuredClone(hubFirewall) as Design), name }),
  },
  {
    id: 'minimal',
    fileName: 'minimal',
    label: 'Minimal single-region design',
    detail: 'One sandbox environment, one enterprise policy, one VNet with a delegated subnet (Brazil)',
    create: (name) => ({ ...(structuredClone(minimal) as Design), name }),
  },
  {
    id: 'empty',
    fileName: 'network',
    label: 'Empty design',
    detail: 'Start from a blank canvas',
    create: (name) => ({ version: 1, name, elements: [], relations: [] }),
  },
];
