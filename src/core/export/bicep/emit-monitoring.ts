// The monitoring section of main.bicep: Log Analytics workspaces, Network Watchers, VNet flow logs (child
// resources of their watcher) and diagnostic settings (extension resources scoped to their source).
import type { ElementOf } from '../../model/schema';
import { SERVICE_FACTS, type ExportPlan } from '../export-plan';
import { diagnosticsPlans, flowLogPlans, type DiagnosticsPlan } from '../monitoring-plan';
import { sha256Hex } from '../sha256';
import { comments, expr, moduleCall, obj, param, resource } from './bicep-writer';
import type { BicepSectionContext } from './section-context';

export const MONITORING_API = {
  workspace: '2025-02-01',
  watcher: '2025-05-01',
  flowLog: '2025-05-01',
  diagnostics: '2021-05-01-preview',
} as const;

/** What the section borrows from the main emitter: symbols, parameters and the services it declared. */
export interface BicepMonitoringContext extends BicepSectionContext {
  /** Resource-id expression of each Azure service the template references. */
  readonly serviceId: ReadonlyMap<string, string>;
  /** The `resourceGroup(…)` scope of each typed Azure service the template references as `existing`. */
  readonly serviceScope: ReadonlyMap<string, string>;
}

type ModelledServiceType = Exclude<ElementOf<'azureService'>['serviceType'], 'other'>;

/** The module that writes a diagnostic setting on an existing service of a type, beside main.bicep. */
export function diagnosticsModulePath(serviceType: ModelledServiceType): string {
  return `modules/diagnostics-${serviceType.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.bicep`;
}

/**
 * The name of the deployment a diagnostic setting module makes in the service's resource group. Deployment
 * names are per resource group, so the symbol alone would let another design (or this one's other settings of
 * the same id) replace this one's deployment history there: a hash of the design's name, the setting and its
 * source and workspace keeps it apart, and the same design gets the same name. At most 64 characters (Azure's
 * limit); the symbol is letters and digits, which a deployment name allows.
 */
export function moduleDeploymentName(symbol: string, designName: string, d: DiagnosticsPlan): string {
  const hash = sha256Hex([designName, d.id, d.source.id, d.workspace.id].join('\n')).slice(0, 8);
  return `${symbol.slice(0, 64 - hash.length - 1)}-${hash}`;
}

/**
 * The diagnostic setting modules main.bicep calls, one per service type: a setting is an extension resource
 * of its target and takes the target's scope, so for a service in its own resource group it is deployed by a
 * module of that scope (Bicep refuses it in main.bicep, BCP139).
 */
export function emitDiagnosticsModules(plan: ExportPlan): { path: string; content: string }[] {
  const types = new Set<ModelledServiceType>();
  for (const d of diagnosticsPlans(plan.topology)) {
    if (d.source.kind === 'azureService' && d.source.serviceType !== 'other') types.add(d.source.serviceType);
  }
  return [...types].sort().map((type) => {
    const facts = SERVICE_FACTS[type];
    const content = [
      comments(`A diagnostic setting on an existing ${facts.armType}, deployed in that resource's resource group by main.bicep.`),
      '',
      param('targetName', 'string', `Name of the existing ${facts.armType}.`),
      '',
      param('settingName', 'string', 'Name of the diagnostic setting.'),
      '',
      param('workspaceId', 'string', 'Resource id of the Log Analytics workspace that receives the logs and metrics.'),
      '',
      resource('target', `${facts.armType}@${facts.apiVersion}`, obj(['name', expr('targetName')]), { existing: true }),
      '',
      resource('setting', `Microsoft.Insights/diagnosticSettings@${MONITORING_API.diagnostics}`, obj(
        ['name', expr('settingName')],
        ['scope', expr('target')],
        ['properties', obj(
          ['workspaceId', expr('workspaceId')],
          ['logs', [obj(['categoryGroup', 'allLogs'], ['enabled', true])]],
          ['metrics', [obj(['category', 'AllMetrics'], ['enabled', true])]],
        )],
      ), { lead: `${comments('Resource diagnostic settings exist only as preview API versions; the GA one is a different type.')}\n#disable-next-line use-recent-api-versions` }),
    ].join('\n');
    return { path: diagnosticsModulePath(type), content: `${content}\n` };
  });
}

export function emitMonitoringBicep(c: BicepMonitoringContext): string[] {
  const { plan } = c;
  const body: string[] = [];
  for (const ws of plan.all('logAnalyticsWorkspace')) {
    body.push(resource(c.symbolOf(ws.id), `Microsoft.OperationalInsights/workspaces@${MONITORING_API.workspace}`, obj(
      ['name', expr(c.nameParam(ws, 'Log Analytics workspace'))],
      ['location', expr(c.locationParam(ws, 'Log Analytics workspace'))],
      ['properties', obj(['sku', obj(['name', 'PerGB2018'])], ['retentionInDays', ws.retentionDays])],
    )));
  }
  // A flow log sits in its watcher's region; the watcher's location is a parameter, known at deployment start.
  const watcherLocation = new Map<string, string>();
  plan.all('networkWatcher').forEach((nw, i) => {
    const loc = c.locationParam(nw, 'Network Watcher');
    watcherLocation.set(nw.id, loc);
    body.push(resource(c.symbolOf(nw.id), `Microsoft.Network/networkWatchers@${MONITORING_API.watcher}`, obj(
      ['name', expr(c.nameParam(nw, 'Network Watcher'))],
      ['location', expr(loc)],
    ), i === 0 ? { lead: comments('A subscription has one Network Watcher per region (Azure creates NetworkWatcher_<region> in NetworkWatcherRG).', 'If one exists, point the name and this resource group at it, or deploy there.') } : {}));
  });
  const { plans, skipped } = flowLogPlans(plan.topology);
  for (const p of plans) {
    const storage = p.storage && c.serviceId.get(p.storage.id);
    const storageId = storage
      ? expr(storage)
      : expr(c.addParam(p.flowLog.id, 'storage id', 'string', `Resource id of the storage account (same region as the VNet) that keeps the records of the flow log "${p.flowLog.id}".`));
    const analytics = p.workspace
      ? obj(['networkWatcherFlowAnalyticsConfiguration', obj(
        ['enabled', true],
        ['workspaceId', expr(`${c.symbolOf(p.workspace.id)}.properties.customerId`)],
        ['workspaceRegion', expr(`${c.symbolOf(p.workspace.id)}.location`)],
        ['workspaceResourceId', expr(`${c.symbolOf(p.workspace.id)}.id`)],
        ['trafficAnalyticsInterval', p.flowLog.trafficAnalyticsIntervalMinutes ?? 60],
      )])
      : undefined;
    const days = p.flowLog.retentionDays;
    body.push(resource(c.symbolOf(p.flowLog.id), `Microsoft.Network/networkWatchers/flowLogs@${MONITORING_API.flowLog}`, obj(
      ['parent', expr(c.symbolOf(p.watcher.id))],
      ['name', expr(c.nameParam(p.flowLog, 'VNet flow log'))],
      ['location', expr(watcherLocation.get(p.watcher.id)!)],
      ['properties', obj(
        ['targetResourceId', expr(`${c.symbolOf(p.vnet.id)}.id`)],
        ['storageId', storageId],
        ['enabled', p.flowLog.enabled ?? true],
        ['format', obj(['type', 'JSON'], ['version', 2])],
        ['retentionPolicy', days === undefined ? undefined : obj(['enabled', days > 0], ['days', days])],
        ['flowAnalyticsConfiguration', analytics],
      )],
    )));
  }
  if (skipped.length > 0) {
    body.push(comments(`Not exported: the flow log(s) ${skipped.map((f) => `"${f.id}"`).join(', ')} need a target VNet and a Network Watcher in the design.`));
  }
  for (const d of diagnosticsPlans(plan.topology)) {
    if (d.source.kind === 'azureService') {
      const scope = c.serviceScope.get(d.source.id);
      if (d.source.serviceType === 'other' || scope === undefined) {
        body.push(comments(`Not exported: the diagnostic setting "${d.id}" of "${d.source.id}" (to "${d.workspace.id}"). The design does not say the service's type,`, 'so add the setting to its template (category group allLogs and AllMetrics, to this workspace). Terraform exports it.'));
        continue;
      }
      // Services are `existing` in their own resource group: the setting is deployed there, by a module of that scope.
      const symbol = c.take(d.id);
      body.push(moduleCall(symbol, diagnosticsModulePath(d.source.serviceType), obj(
        ['name', moduleDeploymentName(symbol, plan.design.name, d)],
        ['scope', expr(scope)],
        ['params', obj(
          ['targetName', expr(`${c.symbolOf(d.source.id)}.name`)],
          ['settingName', `diag-to-${d.workspace.name}`],
          ['workspaceId', expr(`${c.symbolOf(d.workspace.id)}.id`)],
        )],
      )));
      continue;
    }
    const ws = c.symbolOf(d.workspace.id);
    body.push(resource(c.take(d.id), `Microsoft.Insights/diagnosticSettings@${MONITORING_API.diagnostics}`, obj(
      ['name', `diag-to-${d.workspace.name}`],
      ['scope', expr(c.symbolOf(d.source.id))],
      ['properties', obj(
        ['workspaceId', expr(`${ws}.id`)],
        ['metrics', [obj(['category', 'AllMetrics'], ['enabled', true])]],
      )],
    ), {
      // The linter knows only the GA 2016-09-01, which is the type of the service-level setting (name 'service'),
      // not of a resource's own; every resource-scoped version is a preview.
      lead: `${comments('Resource diagnostic settings exist only as preview API versions; the GA one is a different type.')}\n#disable-next-line use-recent-api-versions`,
    }));
  }
  return body;
}
