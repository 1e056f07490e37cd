// The monitoring section of main.tf: Log Analytics workspaces, Network Watchers, VNet flow logs
// (azurerm_network_watcher_flow_log with a VNet as target_resource_id) and diagnostic settings.
import { diagnosticsPlans, flowLogPlans } from '../monitoring-plan';
import { attr, block, comment, raw, type HclItem } from './hcl-writer';
import type { TerraformSectionContext } from './section-context';

/** What the section borrows from the main emitter: labels, variables and the services it referenced. */
export interface TerraformMonitoringContext extends TerraformSectionContext {
  addVar(v: { id: string; role: string; type: string; description: string }): string;
  /** Resource-id expression of each Azure service the configuration references. */
  readonly serviceId: ReadonlyMap<string, string>;
}

export function emitMonitoringTerraform(c: TerraformMonitoringContext): HclItem[] {
  const { plan, rgName } = c;
  const out: HclItem[] = [];
  for (const ws of plan.all('logAnalyticsWorkspace')) {
    out.push(block('resource', ['azurerm_log_analytics_workspace', c.labelOf(ws.id)], [
      attr('name', raw(c.nameVar(ws, 'Log Analytics workspace'))),
      attr('location', c.locationVar(ws, 'Log Analytics workspace')),
      attr('resource_group_name', rgName),
      attr('sku', 'PerGB2018'),
      attr('retention_in_days', ws.retentionDays),
    ]));
  }
  if (plan.all('networkWatcher').length > 0) {
    out.push(comment('A subscription has one Network Watcher per region (Azure creates NetworkWatcher_<region> in NetworkWatcherRG);\nif one exists, import it (terraform import) or point these at it.'));
  }
  for (const nw of plan.all('networkWatcher')) {
    out.push(block('resource', ['azurerm_network_watcher', c.labelOf(nw.id)], [
      attr('name', raw(c.nameVar(nw, 'Network Watcher'))),
      attr('location', c.locationVar(nw, 'Network Watcher')),
      attr('resource_group_name', rgName),
    ]));
  }
  const { plans, skipped } = flowLogPlans(plan.topology);
  for (const p of plans) {
    const watcher = `azurerm_network_watcher.${c.labelOf(p.watcher.id)}`;
    const storage = (p.storage && c.serviceId.get(p.storage.id))
      ?? c.addVar({ id: p.flowLog.id, role: 'storage id', type: 'string', description: `Resource id of the storage account (same region as the VNet) that keeps the records of the flow log "${p.flowLog.id}".` });
    const days = p.flowLog.retentionDays;
    const ws = p.workspace && `azurerm_log_analytics_workspace.${c.labelOf(p.workspace.id)}`;
    out.push(block('resource', ['azurerm_network_watcher_flow_log', c.labelOf(p.flowLog.id)], [
      attr('name', raw(c.nameVar(p.flowLog, 'VNet flow log'))),
      attr('network_watcher_name', raw(`${watcher}.name`)),
      attr('resource_group_name', raw(`${watcher}.resource_group_name`)),
      attr('location', raw(`${watcher}.location`)),
      attr('target_resource_id', raw(`azurerm_virtual_network.${c.labelOf(p.vnet.id)}.id`)),
      attr('storage_account_id', raw(storage)),
      attr('enabled', p.flowLog.enabled ?? true),
      attr('version', 2),
      // azurerm requires the block; days 0 keeps the records forever.
      block('retention_policy', [], [attr('enabled', (days ?? 0) > 0), attr('days', days ?? 0)]),
      ...(ws ? [block('traffic_analytics', [], [
        attr('enabled', true),
        attr('workspace_id', raw(`${ws}.workspace_id`)),
        attr('workspace_region', raw(`${ws}.location`)),
        attr('workspace_resource_id', raw(`${ws}.id`)),
        attr('interval_in_minutes', p.flowLog.trafficAnalyticsIntervalMinutes ?? 60),
      ])] : []),
    ]));
  }
  if (skipped.length > 0) {
    out.push(comment(`Not exported: the flow log(s) ${skipped.map((f) => `"${f.id}"`).join(', ')} need a target VNet and a Network Watcher in the design.`));
  }
  for (const d of diagnosticsPlans(plan.topology)) {
    const target = d.source.kind === 'natGateway' ? `azurerm_nat_gateway.${c.labelOf(d.source.id)}.id` : c.serviceId.get(d.source.id);
    if (target === undefined) continue;
    out.push(block('resource', ['azurerm_monitor_diagnostic_setting', c.take(d.id)], [
      attr('name', `diag-to-${d.workspace.name}`),
      attr('target_resource_id', raw(target)),
      attr('log_analytics_workspace_id', raw(`azurerm_log_analytics_workspace.${c.labelOf(d.workspace.id)}.id`)),
      ...(d.logs ? [block('enabled_log', [], [attr('category_group', 'allLogs')])] : []),
      // A NAT gateway has metrics only; Azure refuses log categories it does not have.
      block('metric', [], [attr('category', 'AllMetrics')]),
    ]));
  }
  return out;
}
