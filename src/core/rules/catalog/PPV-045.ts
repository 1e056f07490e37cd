// PPV-045: every VNet that Power Platform is delegated into records its traffic in a VNet flow log.
import { isReadFromIac } from '../../model/unresolved-name';
import type { Rule } from '../rule';
import { hasDataGatewayDelegation } from '../analysis/data-gateway';
import { SOURCES, hasPowerPlatformDelegation, label } from '../analysis/power-platform';

const FLOW_LOGS = { title: 'Microsoft Learn: Virtual network flow logs', url: 'https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview' };

export const rule: Rule = {
  meta: {
    id: 'PPV-045',
    title: 'Delegated VNet has a flow log',
    severity: 'warning',
    category: 'monitoring',
    rationale:
      "Microsoft runs the containers in the delegated subnet, but the customer owns the network around them, monitoring included (the VNet support whitepaper's ownership table). A VNet flow log is the only record of what Power Platform's outbound traffic reached and what the NSGs denied; without one, a failed connector call or an exfiltration review has nothing to read.",
    fix: 'Add a VNet flow log for the VNet (Network Watcher of its region, a storage account, a retention period), ideally with traffic analytics in a Log Analytics workspace.',
    sources: [FLOW_LOGS, SOURCES.overview],
    checkable: 'static',
  },
  check(t, ctx) {
    const logged = new Set(t.relations('flowLogTarget').filter((r) => t.get(r.from, 'flowLog')?.enabled !== false).map((r) => r.to));
    const injected = new Set(t.relations('policySubnet').map((r) => r.to));
    // One Bicep file or Terraform folder is rarely the whole estate: flow logs are often deployed by Azure Policy
    // or a platform repository, so their absence there is something to check, not a fault (unknown is not none).
    const partial = isReadFromIac(t.design);
    for (const vnet of t.all('vnet')) {
      if (logged.has(vnet.id)) continue;
      const delegated = t.children(vnet.id, 'subnet').find((s) => injected.has(s.id) || hasPowerPlatformDelegation(s) === true || hasDataGatewayDelegation(s) === true);
      if (!delegated) continue;
      ctx.report(partial
        ? { elementId: vnet.id, cannotTell: true, message: `VNet ${label(vnet)} hosts the Power Platform subnet ${label(delegated)} and this input declares no VNet flow log for it; check that one is deployed elsewhere (Azure Policy, a platform repository), or its traffic is not recorded.` }
        : { elementId: vnet.id, message: `VNet ${label(vnet)} hosts the Power Platform subnet ${label(delegated)} but has no enabled VNet flow log; its traffic is not recorded.` });
    }
  },
};
