// What the monitoring sections of both exporters deploy: each VNet flow log with its VNet, Network Watcher,
// storage account and traffic analytics workspace, and each diagnostic setting. Kept apart from
// export-plan.ts so the network sections do not grow with it.
import type { ElementOf } from '../model/schema';
import type { Topology } from '../model/topology';
import { byId } from './by-id';

export interface FlowLogPlan {
  readonly flowLog: ElementOf<'flowLog'>;
  readonly vnet: ElementOf<'vnet'>;
  readonly watcher: ElementOf<'networkWatcher'>;
  /** Absent when the design draws none: the template then asks for the account's resource id. */
  readonly storage?: ElementOf<'azureService'>;
  readonly workspace?: ElementOf<'logAnalyticsWorkspace'>;
}

/**
 * Flow logs the export can deploy: they need a target VNet and a Network Watcher (the flow log is its
 * child resource). One without either is left out, with its id in `skipped` so the export can say so.
 */
export function flowLogPlans(t: Topology): { plans: FlowLogPlan[]; skipped: ElementOf<'flowLog'>[] } {
  const plans: FlowLogPlan[] = [];
  const skipped: ElementOf<'flowLog'>[] = [];
  for (const flowLog of byId(t.all('flowLog'))) {
    const vnet = byId(t.targets(flowLog.id, 'flowLogTarget', 'vnet'))[0];
    const watcher = byId(t.targets(flowLog.id, 'flowLogWatcher', 'networkWatcher'))[0];
    if (!vnet || !watcher) {
      skipped.push(flowLog);
      continue;
    }
    const storage = byId(t.targets(flowLog.id, 'flowLogStorage', 'azureService'))[0];
    const workspace = byId(t.targets(flowLog.id, 'trafficAnalytics', 'logAnalyticsWorkspace'))[0];
    plans.push({ flowLog, vnet, watcher, ...(storage ? { storage } : {}), ...(workspace ? { workspace } : {}) });
  }
  return { plans, skipped };
}

export interface DiagnosticsPlan {
  readonly id: string;
  readonly source: ElementOf<'natGateway'> | ElementOf<'azureService'>;
  readonly workspace: ElementOf<'logAnalyticsWorkspace'>;
  /**
   * Whether to ask for resource logs (category group allLogs). A NAT gateway has metrics only, and Azure
   * refuses a setting that names log categories the resource does not have.
   */
  readonly logs: boolean;
}

export function diagnosticsPlans(t: Topology): DiagnosticsPlan[] {
  return byId(t.relations('diagnostics')).flatMap((r) => {
    const source = t.get(r.from, 'natGateway') ?? t.get(r.from, 'azureService');
    const workspace = t.get(r.to, 'logAnalyticsWorkspace');
    return source && workspace ? [{ id: r.id, source, workspace, logs: source.kind !== 'natGateway' }] : [];
  });
}

/** Azure services the monitoring sections reference: flow log storage accounts and diagnostics sources. */
export function monitoringServiceIds(t: Topology): Set<string> {
  const ids = new Set<string>();
  for (const p of flowLogPlans(t).plans) if (p.storage) ids.add(p.storage.id);
  for (const d of diagnosticsPlans(t)) if (d.source.kind === 'azureService') ids.add(d.source.id);
  return ids;
}
