// Fixture builders shared by the PPV rule tests: elements and relations added to the shipped samples
// through real edit operations, so each fixture reads as "the seed, plus …".
import type { DesignEdit } from '../../../src/core/model/design-edits';
import { POWER_PLATFORM_DELEGATION, VNET_DATA_GATEWAY_DELEGATION } from '../../../src/core/model/kinds';
import type { Element, Relation } from '../../../src/core/model/schema';
import { edited, loadSample } from '../support/designs';

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

export const SQL_ID = '/providers/Microsoft.PowerApps/apis/shared_sql';

/** A data policy naming the seed's environment (OnlyEnvironments unless `props` says otherwise). */
export function dataPolicy(props: Partial<Extract<Element, { kind: 'dataPolicy' }>> = {}, id = 'dlp-1', envs = ['env-prod']): DesignEdit {
  return add(
    [{ id, kind: 'dataPolicy', name: id, environmentScope: 'OnlyEnvironments', defaultGroup: 'NonBusiness', connectors: [], endpointRules: [], ...props } as Element],
    envs.map((env) => ({ id: `${id}-scope-${env}`, kind: 'dataPolicyScope', from: id, to: env })),
  );
}

/** A SQL server reached through a private endpoint in the seed's West Europe PE subnet, and a SQL Server connector the seed's environment runs to it. */
export const sqlWorkload: DesignEdit = add(
  [
    { id: 'sql', kind: 'azureService', name: 'sql-casemgmt', serviceType: 'sqlServer', region: 'westeurope', publicNetworkAccess: false },
    { id: 'pe-sql', kind: 'privateEndpoint', name: 'pe-casemgmt-sql', groupId: 'sqlServer', region: 'westeurope' },
    { id: 'conn-sql', kind: 'connector', name: 'Case SQL', connectorType: 'sqlServer', authKind: 'entraIdOAuth' },
  ],
  [
    { id: 'pe-sql-target', kind: 'peTarget', from: 'pe-sql', to: 'sql' },
    { id: 'pe-sql-subnet', kind: 'peSubnet', from: 'pe-sql', to: 'snet-pe-weu' },
    { id: 'conn-sql-target', kind: 'connectorTarget', from: 'conn-sql', to: 'sql' },
    { id: 'env-runs-sql', kind: 'workload', from: 'env-prod', to: 'conn-sql' },
  ],
);

/** The seed's environment without its enterprise policy link: no Virtual Network support. */
export const removeLink: DesignEdit = { op: 'removeRelations', ids: ['link-env-prod'] };

/** The seed without its data policy, for the data policy rules to add their own. */
export const seedWithoutDataPolicy = edited(seed, { op: 'removeElements', ids: ['dlp-casemgmt'] });
