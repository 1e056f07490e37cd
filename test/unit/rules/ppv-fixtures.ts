// Fixture builders shared by the PPV rule tests: elements and relations added to the shipped samples
// through real edit operations, so each fixture reads as "the seed, plus …".
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION } from '../../../src/core/model/kinds';
import type { Element, Relation } from '../../../src/core/model/schema';
import { loadSample } from '../support/designs';

export const seed = loadSample('seed');
export const minimal = loadSample('minimal');

export const add = (elements: Element[], relations: Relation[] = []): DesignEdit => ({ op: 'addElements', elements, relations });
export const relate = (relation: Relation): DesignEdit => ({ op: 'addRelation', relation });
export const updateRelation = (id: string, values: Record<string, unknown>): DesignEdit => ({ op: 'updateRelation', id, set: values });

/** A further environment linked to the seed's (or another) policy. */
export function linkedEnvironment(id: string, props: Partial<Extract<Element, { kind: 'environment' }>>, policy = 'policy-prod'): DesignEdit {
  return add(
    [{ id, kind: 'environment', name: id, geography: 'europe', managed: true, ...props } as Element],
    [{ id: `link-${id}`, kind: 'policyLink', from: id, to: policy }],
  );
}

/** A second enterprise policy in the seed's geography. */
export function secondPolicy(id = 'policy-2', geography = 'europe'): DesignEdit {
  return add([{ id, kind: 'enterprisePolicy', name: id, geography }]);
}

/** A VNet with one Power Platform delegated subnet injected by `policy`. */
export function delegatedVnet(vnetId: string, region: string, space: string, prefix: string, policy: string): DesignEdit {
  return add(
    [
      { id: vnetId, kind: 'vnet', name: vnetId, region, addressSpaces: [space] },
      { id: `${vnetId}-snet`, kind: 'subnet', name: 'snet-powerplatform', addressPrefix: prefix, delegations: [POWER_PLATFORM_DELEGATION], parent: vnetId },
    ],
    [{ id: `inject-${vnetId}`, kind: 'policySubnet', from: policy, to: `${vnetId}-snet` }],
  );
}

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** A subnet for the VNet data gateway in the seed's West Europe VNet, and a gateway of `members` members running in it. */
export function dataGateway(props: Partial<Extract<Element, { kind: 'subnet' }>> = {}, members = 2): DesignEdit {
  return add(
    [
      { id: 'snet-dgw', kind: 'subnet', name: 'snet-datagateway', addressPrefix: '10.10.3.0/27', delegations: [VNET_DATA_GATEWAY_DELEGATION], parent: 'vnet-weu', ...props } as Element,
      { id: 'vdgw', kind: 'vnetDataGateway', name: 'vdgw-casemgmt', memberCount: members },
    ],
    [{ id: 'vdgw-subnet', kind: 'dataGatewaySubnet', from: 'vdgw', to: 'snet-dgw' }],
  );
}
