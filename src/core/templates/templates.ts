// The designs offered by "New Design": empty, the seed reference architecture, and a minimal
// single-region setup. The sample files are the single copy; the bundler inlines them.
import minimal from '../../../samples/minimal.ppvnet.json';
import seed from '../../../samples/seed.ppvnet.json';
import type { Design } from '../model/schema';

export interface DesignTemplate {
  readonly id: 'empty' | 'seed' | 'minimal';
  readonly label: string;
  readonly detail: string;
  create(name: string): Design;
}

export const TEMPLATES: readonly DesignTemplate[] = [
  {
    id: 'seed',
    label: 'Reference architecture: case management app',
    detail: 'Paired VNets in Europe, delegated subnets, peering, NAT gateways, NSGs, custom connector with Entra ID OAuth, Key Vault and App Service behind private endpoints',
    create: (name) => ({ ...(structuredClone(seed) as Design), name }),
  },
  {
    id: 'minimal',
    label: 'Minimal single-region design',
    detail: 'One sandbox environment, one enterprise policy, one VNet with a delegated subnet (Brazil)',
    create: (name) => ({ ...(structuredClone(minimal) as Design), name }),
  },
  {
    id: 'empty',
    label: 'Empty design',
    detail: 'Start from a blank canvas',
    create: (name) => ({ version: 1, name, elements: [], relations: [] }),
  },
];
