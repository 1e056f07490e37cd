// What a policy's workloads reach: the private endpoints of the services their connectors use (or,
// when no workload is declared, as IaC rarely declares them, every private endpoint of the design:
// issue #13), services reached publicly, on-premises networks and internet hosts, with the port each uses.
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { policyConnectors, policyServices } from '../rules/analysis/power-platform';
import type { FlowTarget } from './flow';

export interface PolicyTarget {
  readonly target: FlowTarget;
  readonly elementId: string;
  readonly implied: boolean;
  readonly protocol: 'Tcp' | 'Udp';
  readonly port?: number;
}

/** SQL listens on 1433 (private endpoints use the proxy policy); everything else the workloads call is HTTPS. */
const portOf = (key: string | undefined) => (key !== undefined && /^sql/i.test(key) ? 1433 : 443);

export function policyTargets(t: Topology, policyId: string): PolicyTarget[] {
  const out: PolicyTarget[] = [];
  const connectors = policyConnectors(t, policyId);
  const endpoint = (pe: ElementOf<'privateEndpoint'>, implied: boolean, serviceId?: string) => {
    const service = serviceId === undefined ? undefined : t.get(serviceId, 'azureService');
    out.push({ target: { kind: 'privateEndpoint', id: pe.id, ...(serviceId ? { serviceId } : {}) }, elementId: pe.id, implied, protocol: 'Tcp', port: portOf(pe.groupId ?? service?.serviceType) });
  };
  if (connectors.length === 0) {
    for (const pe of t.all('privateEndpoint')) endpoint(pe, true, t.targets(pe.id, 'peTarget', 'azureService')[0]?.id);
    return out;
  }
  for (const { service } of policyServices(t, policyId)) {
    const pes = t.sources(service.id, 'peTarget', 'privateEndpoint');
    if (pes.length > 0) for (const pe of pes) endpoint(pe, false, service.id);
    else out.push({ target: { kind: 'publicService', id: service.id }, elementId: service.id, implied: false, protocol: 'Tcp', port: portOf(service.serviceType) });
  }
  const seen = new Set<string>();
  for (const c of connectors) {
    for (const onPrem of t.targets(c.id, 'connectorTarget', 'onPremises')) {
      if (seen.has(onPrem.id)) continue;
      seen.add(onPrem.id);
      // The port a connector uses on-premises is not in the design: every port is considered.
      out.push({ target: { kind: 'onPremises', id: onPrem.id }, elementId: onPrem.id, implied: false, protocol: 'Tcp' });
    }
    if (c.host !== undefined && !seen.has(`host:${c.host}`)) {
      seen.add(`host:${c.host}`);
      out.push({ target: { kind: 'internet', host: c.host, connectorId: c.id }, elementId: c.id, implied: false, protocol: 'Tcp', port: 443 });
    }
  }
  return out;
}
