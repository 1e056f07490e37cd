// The post-deployment step Bicep cannot express: linking each environment to its enterprise policy
// through the BAP API (domain.md §1.7). Emitted as a bash script (az rest) and a PowerShell twin
// (Enable-SubnetInjection from Microsoft's EnterprisePolicies module). Ids come in as parameters; no secrets.
import type { ElementOf } from '../model/schema';
import type { ExportPlan } from './export-plan';
import { IdentifierPool, toIdentifier } from './identifiers';
import { psCommentText, psEnterprisePoliciesScript, psMessage, psString } from './scripts/powershell-writer';
import { shCommentText, shExpansionMessage, shString } from './scripts/shell-writer';

interface Link {
  readonly env: ElementOf<'environment'>;
  readonly policy: ElementOf<'enterprisePolicy'>;
  /** Shell variable / PowerShell parameter stems, unique per environment. */
  readonly envVar: string;
  readonly policyVar: string;
}

/** Bicep cannot create data policies; the scripts end by pointing at the steps written beside them. */
const DATA_POLICY_REMINDER = 'Next: create the data policies of this design in the Power Platform admin center, as data-policies.md describes.';

export function environmentLinks(plan: ExportPlan): Link[] {
  const pool = new IdentifierPool('snake', ['resource_group', 'subscription_id', 'bap_endpoint']);
  const policyVars = new Map<string, string>();
  const links: Link[] = [];
  for (const env of plan.all('environment')) {
    const policy = plan.environmentPolicy(env);
    if (!policy) continue;
    let policyVar = policyVars.get(policy.id);
    if (policyVar === undefined) {
      policyVar = pool.take(policy.id, 'name');
      policyVars.set(policy.id, policyVar);
    }
    links.push({ env, policy, envVar: pool.take(env.id, 'id'), policyVar });
  }
  return links;
}


export function emitLinkScriptSh(plan: ExportPlan): string {
  const links = environmentLinks(plan);
  const lines = [
    '# Links the Power Platform environments of this design to their enterprise policy, after',
    '# `az deployment group create` has deployed main.bicep (ARM has no resource for the link).',
    '#',
    '# Usage: RESOURCE_GROUP=<rg> [ENVIRONMENT_ID variables below] ./link-environments.sh',
    '# Needs the Azure CLI, signed in as a Power Platform administrator who can read the policy.',
    '# Environments must be Managed Environments in the same geography as the policy.',
    'set -euo pipefail',
    '',
    ': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group main.bicep was deployed to}"',
    '# Sovereign clouds use another BAP endpoint (for example https://high.api.bap.microsoft.us).',
    'BAP_ENDPOINT="${BAP_ENDPOINT:-https://api.bap.microsoft.com}"',
    '',
    'system_id() {',
    '  az resource show --resource-group "$RESOURCE_GROUP" --name "$1" \\',
    '    --resource-type Microsoft.PowerPlatform/enterprisePolicies \\',
    '    --query properties.systemId --output tsv',
    '}',
    '',
    'link_environment() {',
    '  local environment_id=$1 policy_name=$2 sid',
    '  if [[ ! "$environment_id" =~ ^[A-Za-z0-9-]+$ ]]; then',
    '    echo "not an environment id: $environment_id" >&2',
    '    exit 2',
    '  fi',
    '  sid=$(system_id "$policy_name")',
    '  echo "Linking environment $environment_id to enterprise policy $policy_name"',
    '  az rest --method post \\',
    '    --url "$BAP_ENDPOINT/providers/Microsoft.BusinessAppPlatform/environments/$environment_id/enterprisePolicies/NetworkInjection/link?api-version=2019-10-01" \\',
    '    --resource "https://service.powerapps.com/" \\',
    '    --headers "Content-Type=application/json" \\',
    '    --body "{\\"SystemId\\": \\"$sid\\"}"',
    '}',
  ];
  const declared = new Set<string>();
  for (const l of links) {
    const envVar = l.envVar.toUpperCase();
    const policyVar = l.policyVar.toUpperCase();
    lines.push('', `# ${shCommentText(`${l.env.name} (${l.env.id}) → ${l.policy.name} (${l.policy.id})`)}`);
    // The environment's values win; the design's are single-quoted defaults, so no name is ever expanded.
    if (!declared.has(policyVar)) {
      lines.push(`${policyVar}=\${${policyVar}:-}`, `[ -n "$${policyVar}" ] || ${policyVar}=${shString(l.policy.name)}`);
      declared.add(policyVar);
    }
    lines.push(`${envVar}=\${${envVar}:-}`, `[ -n "$${envVar}" ] || ${envVar}=${shString(l.env.environmentId ?? '')}`);
    lines.push(`: "\${${envVar}:?set ${envVar} to the id of the environment ${shExpansionMessage(l.env.name)}}"`);
    lines.push(`link_environment "$${envVar}" "$${policyVar}"`);
  }
  if (links.length === 0) lines.push('', 'echo "This design links no environment to an enterprise policy; nothing to do."');
  if (plan.all('dataPolicy').length > 0) lines.push('', `echo ${shString(DATA_POLICY_REMINDER)}`);
  return `${lines.join('\n')}\n`;
}

export function emitLinkScriptPs1(plan: ExportPlan): string {
  const links = environmentLinks(plan);
  const pascal = (snake: string) => toIdentifier(snake, 'camel').replace(/^./, (c) => c.toUpperCase());
  const params = [
    '  [Parameter(Mandatory = $true)]\n  [string] $ResourceGroupName',
    '  [string] $SubscriptionId = (Get-AzContext).Subscription.Id',
    "  [ValidateSet('prod', 'usgovhigh', 'dod', 'china')]\n  [string] $Endpoint = 'prod'",
  ];
  const seenPolicy = new Set<string>();
  for (const l of links) {
    if (!seenPolicy.has(l.policyVar)) {
      params.push(`  [string] $${pascal(l.policyVar)} = ${psString(l.policy.name)}`);
      seenPolicy.add(l.policyVar);
    }
    params.push(`  [string] $${pascal(l.envVar)} = ${psString(l.env.environmentId ?? '')}`);
  }
  const lines = [
    ...psEnterprisePoliciesScript([
      '.SYNOPSIS',
      'Links the Power Platform environments of this design to their enterprise policy after main.bicep is deployed.',
      '.DESCRIPTION',
      'ARM has no resource for the link; this calls Enable-SubnetInjection from Microsoft\'s module',
      'Microsoft.PowerPlatform.EnterprisePolicies (Install-Module Microsoft.PowerPlatform.EnterprisePolicies).',
      'Run it signed in (Connect-AzAccount) as a Power Platform administrator. Environments must be Managed',
      'Environments in the same geography as the policy.',
    ], params),
    '',
    'function Get-PolicyArmId([string] $PolicyName) {',
    '  "/subscriptions/$SubscriptionId/resourceGroups/$ResourceGroupName/providers/Microsoft.PowerPlatform/enterprisePolicies/$PolicyName"',
    '}',
  ];
  for (const l of links) {
    const envParam = `$${pascal(l.envVar)}`;
    lines.push(
      '',
      `# ${psCommentText(`${l.env.name} (${l.env.id}) → ${l.policy.name} (${l.policy.id})`)}`,
      `if (-not ${envParam}) { throw ${psMessage(`Pass -${pascal(l.envVar)}: the id of the environment "${l.env.name}".`)} }`,
      `Enable-SubnetInjection -EnvironmentId ${envParam} -PolicyArmId (Get-PolicyArmId $${pascal(l.policyVar)}) -Endpoint $Endpoint`,
    );
  }
  if (links.length === 0) lines.push('', "Write-Host 'This design links no environment to an enterprise policy; nothing to do.'");
  if (plan.all('dataPolicy').length > 0) lines.push('', `Write-Host ${psString(DATA_POLICY_REMINDER)}`);
  return `${lines.join('\n')}\n`;
}
