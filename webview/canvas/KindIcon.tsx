// The designer's own line icons per element kind (media/*.svg, drawn in currentColor so they follow the theme).
import { memo } from 'react';
import type { ElementKind } from '../../src/core/model/kinds';
import aiSearch from '../../media/aiSearch.svg';
import appService from '../../media/appService.svg';
import azureService from '../../media/azureService.svg';
import connector from '../../media/connector.svg';
import dnsForwardingRuleset from '../../media/dnsForwardingRuleset.svg';
import dnsResolver from '../../media/dnsResolver.svg';
import dataPolicy from '../../media/dataPolicy.svg';
import enterprisePolicy from '../../media/enterprisePolicy.svg';
import environment from '../../media/environment.svg';
import expressRouteGateway from '../../media/expressRouteGateway.svg';
import firewall from '../../media/firewall.svg';
import flowLog from '../../media/flowLog.svg';
import keyVault from '../../media/keyVault.svg';
import logAnalyticsWorkspace from '../../media/logAnalyticsWorkspace.svg';
import natGateway from '../../media/natGateway.svg';
import networkWatcher from '../../media/networkWatcher.svg';
import nsg from '../../media/nsg.svg';
import onPremises from '../../media/onPremises.svg';
import privateDnsZone from '../../media/privateDnsZone.svg';
import privateEndpoint from '../../media/privateEndpoint.svg';
import routeTable from '../../media/routeTable.svg';
import sqlServer from '../../media/sqlServer.svg';
import storageAccount from '../../media/storageAccount.svg';
import subnet from '../../media/subnet.svg';
import vnet from '../../media/vnet.svg';
import vnetDataGateway from '../../media/vnetDataGateway.svg';
import vpnGateway from '../../media/vpnGateway.svg';

const BY_KIND: Record<ElementKind, string> = {
  environment, enterprisePolicy, vnet, subnet, natGateway, nsg, routeTable, vpnGateway, expressRouteGateway, onPremises,
  privateEndpoint, privateDnsZone, azureService, connector, vnetDataGateway, networkWatcher, flowLog, logAnalyticsWorkspace,
  dnsResolver, dnsForwardingRuleset,
  firewall,
  dataPolicy,
};
const BY_SERVICE: Record<string, string> = { keyVault, sqlServer, storageAccount, appService, aiSearch, other: azureService };

export function iconSvg(kind: ElementKind, serviceType?: string): string {
  return (kind === 'azureService' && serviceType ? BY_SERVICE[serviceType] : undefined) ?? BY_KIND[kind];
}

export const KindIcon = memo(function KindIcon({ kind, serviceType }: { readonly kind: ElementKind; readonly serviceType?: string }) {
  // Our own static SVG files, bundled at build time: no user input reaches this markup.
  return <span className={`kind-icon kind-${kind}`} aria-hidden="true" dangerouslySetInnerHTML={{ __html: iconSvg(kind, serviceType) }} />;
});
