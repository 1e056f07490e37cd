// What Bicep cannot deploy: the design's data policies (DLP), Power Platform tenant objects with no ARM
// resource. Written as data-policies.md beside main.bicep: per policy, the admin center steps and the
// groups and endpoint rules to enter. (The Terraform export deploys them with the power-platform provider.)
import { DATA_POLICY_SCOPE_LABELS } from '../model/labels';
import { endpointRulesOf, groupOf } from '../rules/analysis/data-policy';
import { policyConnectorIds } from './data-policy-connectors';
import type { ExportPlan } from './export-plan';

const GROUP_WORDS = { Business: 'Business', NonBusiness: 'Non-business', Blocked: 'Blocked' } as const;

/** The Markdown steps, or undefined when the design has no data policy. */
export function emitDataPolicySteps(plan: ExportPlan): string | undefined {
  const policies = plan.all('dataPolicy');
  if (policies.length === 0) return undefined;
  const t = plan.topology;
  // Table cells and inline code are design text: keep them on one line and out of the Markdown syntax.
  const cell = (text: string | undefined) => (text ?? '(not in the design)').replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
  const lines = [
    '# Data policies: in the Power Platform admin center',
    '',
    'A data policy (DLP) is a Power Platform tenant object, not an Azure resource: main.bicep cannot create it.',
    'Create each policy below after the environments exist (the Terraform export creates them with',
    '`powerplatform_data_loss_prevention_policy`). You need the Power Platform administrator role.',
    '',
    '1. Open the Power Platform admin center, **Security** > **Data and privacy** > **Data policy** (older tenants:',
    '   **Policies** > **Data policies**), and select **New policy**. Name it as below.',
    '2. **Prebuilt connectors**: put each connector listed below in its group; set the default group (for',
    '   connectors not listed and new ones) as below.',
    '3. For each connector with endpoint rules: right-click it, **Configure connector** > **Connector endpoints**,',
    '   and enter the rules in the order given; the last rule is always `*`.',
    '4. **Custom connectors**: enter the host URL patterns in order.',
    '5. **Scope**: choose the environments as below, then **Create policy**.',
    '',
    'With PowerShell (Microsoft.PowerApps.Administration.PowerShell), `Get-DlpPolicy` gives a created policy\'s name',
    '(its id) and `New-PowerAppDlpPolicyConnectorConfigurations` sets its endpoint rules, numbered 1 to N per connector.',
    'Source: https://learn.microsoft.com/power-platform/admin/connector-endpoint-filtering',
  ];
  for (const p of policies) {
    const named = t.targets(p.id, 'dataPolicyScope', 'environment').map((e) => cell(e.name));
    const scope = p.environmentScope ? DATA_POLICY_SCOPE_LABELS[p.environmentScope] : '(scope not in the design)';
    lines.push(
      '', `## ${cell(p.name)}`, '',
      `- Scope: ${scope}${p.environmentScope !== 'AllEnvironments' && named.length ? `: ${named.join(', ')}` : ''}`,
      `- Default group: ${p.defaultGroup ? GROUP_WORDS[p.defaultGroup] : '(not in the design)'}`,
    );
    const ids = policyConnectorIds(p);
    if (ids.length) {
      lines.push('', '| Connector id | Group | Endpoint rules, in order |', '|---|---|---|');
      for (const id of ids) {
        const group = groupOf(p, id);
        const rules = endpointRulesOf(p, id).map((r, i) => `${i + 1}. ${r.behavior} ${cell(r.endpoint)}`).join('; ');
        lines.push(`| ${cell(id)} | ${group ? GROUP_WORDS[group] : '(default)'} | ${rules || 'none'} |`);
      }
    }
    if (p.customConnectorPatterns?.length) {
      lines.push('', '| Order | Custom connector host URL pattern | Group |', '|---|---|---|');
      p.customConnectorPatterns.forEach((r, i) => lines.push(`| ${i + 1} | ${cell(r.hostUrlPattern)} | ${r.group === 'Ignore' ? 'Ignore' : GROUP_WORDS[r.group]} |`));
    }
  }
  return `${lines.join('\n')}\n`;
}
