// Maps the monitoring resources of a subscription snapshot to the design: Log Analytics workspaces, Network
// Watchers, VNet flow logs (a flow log whose target is a VNet; NSG flow logs are not modelled) with their
// watcher, storage account and traffic analytics workspace, and diagnostic settings into a workspace.
// Called from map-arm-design.ts once the network, the NAT gateways and the private link targets are mapped.
import type { Element, Relation } from '../model/schema';
import { armKey, parentArmId, parseArmId } from './arm-id';
import { pickBoolean, pickNumber, pickString, type ArmResource, type ArmSnapshot } from './arm-shapes';
import type { IdAllocator } from './element-ids';

export interface MonitoringMapContext {
  readonly ids: IdAllocator;
  addElement(armId: string, element: Element): void;
  addRelation<R extends Relation>(r: Omit<R, 'id'>): void;
  resolve(armId: string | undefined): string | undefined;
  serviceFor(armId: string): string;
  kindOf(elementId: string): Element['kind'] | undefined;
  readonly notes: string[];
  placement(id: string): { subscriptionId?: string; resourceGroup?: string };
}

const byName = (a: ArmResource, b: ArmResource) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const SETTINGS = '/providers/microsoft.insights/diagnosticsettings/';

export function mapArmMonitoring(snapshot: ArmSnapshot, c: MonitoringMapContext): void {
  for (const ws of [...snapshot.logAnalyticsWorkspaces].sort(byName)) {
    const days = pickNumber(ws, 'properties', 'retentionInDays');
    c.addElement(ws.id, {
      id: c.ids.allocate(ws.name), kind: 'logAnalyticsWorkspace', name: ws.name,
      ...(ws.location ? { region: ws.location } : {}), ...(days !== undefined ? { retentionDays: days } : {}), ...c.placement(ws.id),
    });
  }
  for (const nw of [...snapshot.networkWatchers].sort(byName)) {
    c.addElement(nw.id, { id: c.ids.allocate(nw.name), kind: 'networkWatcher', name: nw.name, ...(nw.location ? { region: nw.location } : {}), ...c.placement(nw.id) });
  }
  for (const fl of [...snapshot.flowLogs].sort(byName)) {
    const target = pickString(fl, 'properties', 'targetResourceId');
    if (parseArmId(target ?? '').type?.toLowerCase() !== 'microsoft.network/virtualnetworks') {
      c.notes.push(`Flow log ${fl.name} records ${target ?? '(no target)'}, not a virtual network; only VNet flow logs are modelled (left out).`);
      continue;
    }
    const name = fl.name.includes('/') ? fl.name.slice(fl.name.lastIndexOf('/') + 1) : fl.name;
    const retentionOn = pickBoolean(fl, 'properties', 'retentionPolicy', 'enabled');
    const days = pickNumber(fl, 'properties', 'retentionPolicy', 'days');
    const interval = pickNumber(fl, 'properties', 'flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration', 'trafficAnalyticsInterval');
    const enabled = pickBoolean(fl, 'properties', 'enabled');
    const id = c.ids.allocate(name);
    c.addElement(fl.id, {
      id, kind: 'flowLog', name,
      ...(enabled !== undefined ? { enabled } : {}),
      // A retention policy switched off keeps the records forever, which the design writes as 0 days.
      ...(retentionOn === false ? { retentionDays: 0 } : days !== undefined ? { retentionDays: days } : {}),
      ...(interval !== undefined ? { trafficAnalyticsIntervalMinutes: interval } : {}),
    });
    const vnet = c.resolve(target);
    if (vnet) c.addRelation({ kind: 'flowLogTarget', from: id, to: vnet });
    else c.notes.push(`Flow log ${name} records VNet ${target}, which was not read.`);
    const watcher = c.resolve(parentArmId(fl.id));
    if (watcher) c.addRelation({ kind: 'flowLogWatcher', from: id, to: watcher });
    const storage = pickString(fl, 'properties', 'storageId');
    if (storage) c.addRelation({ kind: 'flowLogStorage', from: id, to: c.serviceFor(storage) });
    const analytics = pickBoolean(fl, 'properties', 'flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration', 'enabled');
    const wsId = pickString(fl, 'properties', 'flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration', 'workspaceResourceId');
    if (analytics !== false && wsId) {
      const ws = c.resolve(wsId);
      if (ws) c.addRelation({ kind: 'trafficAnalytics', from: id, to: ws });
      else c.notes.push(`Flow log ${name} sends traffic analytics to workspace ${wsId}, which was not read.`);
    }
  }
  for (const d of [...snapshot.diagnosticSettings].sort((a, b) => a.id.localeCompare(b.id))) {
    const at = armKey(d.id).indexOf(SETTINGS);
    const sourceId = at > 0 ? d.id.slice(0, at) : undefined;
    const source = c.resolve(sourceId);
    const wsId = pickString(d, 'properties', 'workspaceId');
    // Settings that send only to storage or an event hub have no workspace: the design does not model them.
    if (!wsId) continue;
    const kind = source && c.kindOf(source);
    if (kind !== 'natGateway' && kind !== 'azureService') {
      c.notes.push(`Diagnostic setting ${d.name} of ${sourceId ?? d.id}: the design models diagnostic settings of NAT gateways and Azure services only (left out).`);
      continue;
    }
    const ws = c.resolve(wsId);
    if (ws) c.addRelation({ kind: 'diagnostics', from: source!, to: ws });
    else c.notes.push(`Diagnostic setting ${d.name} sends to workspace ${wsId}, which was not read.`);
  }
}
