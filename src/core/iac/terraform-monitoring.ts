// Maps the azurerm monitoring resources to the design: azurerm_log_analytics_workspace,
// azurerm_network_watcher, azurerm_network_watcher_flow_log (a VNet flow log when target_resource_id is a
// VNet) and azurerm_monitor_diagnostic_setting. Called from terraform-mapping.ts.
import { field, read, type DesignBuilder } from './design-builder';
import type { IacResource } from './iac-resource';
import { bool, num, str } from './iac-value';

const nameOf = (r: IacResource) => read(r.body, ['name'], str);
const symbolOf = (r: IacResource) => r.key.slice(r.key.indexOf('.') + 1);

/** Phase 1 for monitoring types; true when the resource was one. */
export function terraformMonitoringElements(r: IacResource, b: DesignBuilder): boolean {
  const body = r.body;
  switch (r.type) {
    case 'azurerm_log_analytics_workspace':
      b.addElement(r.key, 'logAnalyticsWorkspace', nameOf(r), symbolOf(r), r.at, {
        region: read(body, ['location'], str),
        retentionDays: read(body, ['retention_in_days'], num),
      });
      return true;
    case 'azurerm_network_watcher':
      b.addElement(r.key, 'networkWatcher', nameOf(r), symbolOf(r), r.at, { region: read(body, ['location'], str) });
      return true;
    case 'azurerm_network_watcher_flow_log': {
      const retention = field(body, 'retention_policy', 0)?.value;
      b.addElement(r.key, 'flowLog', nameOf(r), symbolOf(r), r.at, {
        enabled: read(body, ['enabled'], bool),
        // A retention policy switched off keeps the records forever, which the design writes as 0 days.
        retentionDays: bool(field(retention, 'enabled')?.value) === false ? { value: 0, at: field(body, 'retention_policy')?.at } : read(retention, ['days'], num),
        trafficAnalyticsIntervalMinutes: read(body, ['traffic_analytics', 0, 'interval_in_minutes'], num),
      });
      return true;
    }
  }
  return false;
}

/** Phase 2 for monitoring types; true when the resource was one. */
export function terraformMonitoringRelations(r: IacResource, b: DesignBuilder): boolean {
  const body = r.body;
  switch (r.type) {
    case 'azurerm_network_watcher_flow_log': {
      const self = b.element(r.key);
      if (!self) return true;
      const watcher = field(body, 'network_watcher_name');
      // network_watcher_name is `azurerm_network_watcher.x.name` (provenance) or the watcher's name as text.
      const byRef = b.resolve(watcher?.value, ['networkWatcher']);
      b.addRelation('flowLogWatcher', self, byRef ?? b.named('networkWatcher', str(watcher?.value)), `${self.id}.watcher`, watcher?.at);
      const target = field(body, 'target_resource_id');
      b.addRelation('flowLogTarget', self, b.resolve(target?.value, ['vnet']), `${self.id}.target`, target?.at);
      const storage = field(body, 'storage_account_id');
      b.addRelation('flowLogStorage', self, b.resolve(storage?.value, ['azureService']), `${self.id}.storage`, storage?.at);
      const analytics = field(body, 'traffic_analytics', 0)?.value;
      if (analytics && bool(field(analytics, 'enabled')?.value) !== false) {
        const ws = field(analytics, 'workspace_resource_id');
        b.addRelation('trafficAnalytics', self, b.resolve(ws?.value, ['logAnalyticsWorkspace']), `${self.id}.analytics`, ws?.at);
      }
      return true;
    }
    case 'azurerm_monitor_diagnostic_setting': {
      const target = field(body, 'target_resource_id');
      const ws = field(body, 'log_analytics_workspace_id');
      b.addRelation('diagnostics', b.resolve(target?.value, ['natGateway', 'azureService']), b.resolve(ws?.value, ['logAnalyticsWorkspace']), r.key, r.at);
      return true;
    }
  }
  return false;
}
