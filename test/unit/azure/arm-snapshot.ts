// Test helper: sorts the resources of an ARM fixture into the snapshot the reader would have produced,
// so the pure mapping can be tested without a server.
import path from 'node:path';
import { emptySnapshot, type ArmResource, type ArmSnapshot } from '../../../src/core/azure/arm-shapes';
import type { ArmFixture } from '../../support/arm-server';
import { FIXTURE_SUBSCRIPTION, RESTRICTED_GROUP, seedFixture } from '../../support/arm-fixtures';

export { driftedFixture, findResource } from '../../support/arm-fixtures';
export const FIXTURE_FILE = path.join(__dirname, '../../fixtures/arm/seed-subscription.json');
export const SUB = FIXTURE_SUBSCRIPTION;
export const loadFixture = seedFixture;

const BY_TYPE: Record<string, keyof ArmSnapshot> = {
  'microsoft.network/virtualnetworks': 'virtualNetworks',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'virtualNetworkPeerings',
  'microsoft.network/natgateways': 'natGateways',
  'microsoft.network/networksecuritygroups': 'networkSecurityGroups',
  'microsoft.network/routetables': 'routeTables',
  'microsoft.network/virtualnetworkgateways': 'virtualNetworkGateways',
  'microsoft.network/privateendpoints': 'privateEndpoints',
  'microsoft.network/privateendpoints/privatednszonegroups': 'privateDnsZoneGroups',
  'microsoft.network/privatednszones': 'privateDnsZones',
  'microsoft.network/privatednszones/virtualnetworklinks': 'virtualNetworkLinks',
  'microsoft.powerplatform/enterprisepolicies': 'enterprisePolicies',
  'microsoft.network/dnsresolvers': 'dnsResolvers',
  'microsoft.network/dnsresolvers/inboundendpoints': 'dnsResolverInboundEndpoints',
  'microsoft.network/dnsresolvers/outboundendpoints': 'dnsResolverOutboundEndpoints',
  'microsoft.network/dnsforwardingrulesets': 'dnsForwardingRulesets',
  'microsoft.network/dnsforwardingrulesets/forwardingrules': 'dnsForwardingRules',
  'microsoft.network/dnsforwardingrulesets/virtualnetworklinks': 'dnsForwardingRulesetLinks',
  'microsoft.network/networkwatchers': 'networkWatchers',
  'microsoft.network/networkwatchers/flowlogs': 'flowLogs',
  'microsoft.operationalinsights/workspaces': 'logAnalyticsWorkspaces',
  'microsoft.insights/diagnosticsettings': 'diagnosticSettings',
  'microsoft.network/azurefirewalls': 'azureFirewalls',
  'microsoft.network/firewallpolicies': 'firewallPolicies',
  'microsoft.network/firewallpolicies/rulecollectiongroups': 'firewallPolicyRuleCollectionGroups',
};

/** The snapshot of the readable groups of a fixture (the restricted group is left out, as its 403 does). */
export function snapshotOf(fixture: ArmFixture): ArmSnapshot {
  const s = emptySnapshot();
  for (const r of fixture.resources) {
    if (r.id.toLowerCase().includes(`/resourcegroups/${RESTRICTED_GROUP}/`)) continue;
    const key = BY_TYPE[(r.type ?? '').toLowerCase()];
    if (key) s[key].push(r as ArmResource);
  }
  return s;
}
