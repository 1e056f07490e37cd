// Maps the ARM-shaped monitoring resources to the design: Log Analytics workspaces, Network Watchers,
// VNet flow logs (child resources of their watcher) and diagnostic settings (extension resources whose
// `scope` is their source). Called from arm-mapping.ts; property names follow the ARM schema.
import { field, read, type DesignBuilder } from './design-builder';
import type { IacResource } from './iac-resource';
import { bool, num, str } from './iac-value';

const nameOf = (r: IacResource) => read(r.body, ['name'], str);
const symbolOf = (r: IacResource) => r.key.split('.').pop() ?? r.key;

/** Phase 1 for monitoring types; true when the resource was one. */
export function armMonitoringElements(r: IacResource, b: DesignBuilder): boolean {
  const props = field(r.body, 'properties')?.value;
  switch (r.type.toLowerCase()) {
    case 'microsoft.operationalinsights/workspaces':
      b.addElement(r.key, 'logAnalyticsWorkspace', nameOf(r), symbolOf(r), r.at, {
        region: read(r.body, ['location'], str),
        retentionDays: read(props, ['retentionInDays'], num),
      });
      return true;
    case 'microsoft.network/networkwatchers':
      b.addElement(r.key, 'networkWatcher', nameOf(r), symbolOf(r), r.at, { region: read(r.body, ['location'], str) });
      return true;
    case 'microsoft.network/networkwatchers/flowlogs': {
      const raw = nameOf(r);
      // Declared without `parent:`, a child is named '<watcher>/<flow log>'.
      const slash = raw.value?.indexOf('/') ?? -1;
      const name = slash > 0 ? { value: raw.value!.slice(slash + 1), at: raw.at } : raw;
      const days = field(props, 'retentionPolicy', 'enabled')?.value;
      b.addElement(r.key, 'flowLog', name, symbolOf(r), r.at, {
        enabled: read(props, ['enabled'], bool),
        // A retention policy switched off keeps the records forever, which the design writes as 0 days.
        retentionDays: bool(days) === false ? { value: 0, at: field(props, 'retentionPolicy')?.at } : read(props, ['retentionPolicy', 'days'], num),
        trafficAnalyticsIntervalMinutes: read(props, ['flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration', 'trafficAnalyticsInterval'], num),
      });
      return true;
    }
  }
  return false;
}

/** Phase 2 for monitoring types; true when the resource was one. */
export function armMonitoringRelations(r: IacResource, b: DesignBuilder): boolean {
  const props = field(r.body, 'properties')?.value;
  switch (r.type.toLowerCase()) {
    case 'microsoft.network/networkwatchers/flowlogs': {
      const self = b.element(r.key);
      if (!self) return true;
      const raw = str(field(r.body, 'name')?.value);
      const watcher = (r.parentKey ? b.element(r.parentKey) : undefined) ?? (raw?.includes('/') ? b.named('networkWatcher', raw.split('/')[0]) : undefined);
      b.addRelation('flowLogWatcher', self, watcher?.kind === 'networkWatcher' ? watcher : undefined, `${self.id}.watcher`, r.at);
      const target = field(props, 'targetResourceId');
      b.addRelation('flowLogTarget', self, b.resolve(target?.value, ['vnet']), `${self.id}.target`, target?.at);
      const storage = field(props, 'storageId');
      b.addRelation('flowLogStorage', self, b.resolve(storage?.value, ['azureService']), `${self.id}.storage`, storage?.at);
      const analytics = field(props, 'flowAnalyticsConfiguration', 'networkWatcherFlowAnalyticsConfiguration')?.value;
      if (bool(field(analytics, 'enabled')?.value) !== false) {
        const ws = field(analytics, 'workspaceResourceId');
        b.addRelation('trafficAnalytics', self, b.resolve(ws?.value, ['logAnalyticsWorkspace']), `${self.id}.analytics`, ws?.at);
      }
      return true;
    }
    case 'microsoft.insights/diagnosticsettings': {
      const scope = field(r.body, 'scope');
      const ws = field(props, 'workspaceId');
      b.addRelation('diagnostics', b.resolve(scope?.value, ['natGateway', 'azureService']), b.resolve(ws?.value, ['logAnalyticsWorkspace']), r.key, r.at);
      return true;
    }
  }
  return false;
}
