// verify-connectivity.ps1: after deployment, checks each flow the design-time verifier judged, from the
// delegated subnets in the primary and the failover region, with the diagnostics cmdlets of Microsoft's module
// Microsoft.PowerPlatform.EnterprisePolicies (Test-DnsResolution, Test-NetworkConnectivity; domain.md §1.8),
// and prints each live result beside the design's verdict, so the two can be compared (issue #15 item 5).
import type { ElementOf } from '../model/schema';
import { label } from '../rules/analysis/power-platform';
import { AZURE_DNS_IP } from '../verify/addresses';
import { targetKey, type Flow } from '../verify/flow';
import { serviceHost } from '../verify/service-hosts';
import { verifyDesign } from '../verify/verify-design';
import type { ExportPlan } from './export-plan';
import { IdentifierPool, toIdentifier } from './identifiers';
import { psCommentText, psEnterprisePoliciesScript, psMessage, psString } from './scripts/powershell-writer';

/** Where a check connects: a known host, a host the user passes as a parameter, or nowhere (and why). */
type CheckTarget =
  | { readonly kind: 'host'; readonly host: string; readonly port: number; readonly dns: boolean }
  | { readonly kind: 'param'; readonly param: string }
  | { readonly kind: 'skip'; readonly reason: string };

interface Check {
  readonly flow: Flow;
  readonly what: string;
  readonly to: CheckTarget;
}

const pascal = (text: string) => toIdentifier(text, 'camel').replace(/^./, (c) => c.toUpperCase());

/** The design's verdict as the script prints it: the verdict and, when not reachable, the deciding hop. */
function expected(flow: Flow, part?: 'dns'): string {
  const hop = part === 'dns' ? flow.hops.find((h) => h.kind === 'dns') : undefined;
  if (part === 'dns') return hop ? `${hop.verdict}${hop.verdict === 'reachable' ? '' : `: ${hop.text}`}` : 'not judged';
  return `${flow.verdict}${flow.deciding ? `: ${flow.deciding.text}` : ''}`;
}

function checksOf(plan: ExportPlan, flow: Flow, hostParams: Map<string, string>, pool: IdentifierPool): Check[] {
  const t = plan.topology;
  const target = flow.target;
  switch (target.kind) {
    case 'privateEndpoint': {
      const pe = t.get(target.id, 'privateEndpoint')!;
      const service = target.serviceId === undefined ? undefined : t.get(target.serviceId, 'azureService');
      const what = `private endpoint ${label(pe)}`;
      if (!service) return [{ flow, what, to: { kind: 'skip', reason: 'the endpoint connects to no service in the design, so its host is not known' } }];
      const host = serviceHost(service, plan.endpointGroupId(pe));
      return ['host' in host ? { flow, what: `${what} of ${label(service)}`, to: { kind: 'host', host: host.host, port: flow.port ?? 443, dns: true } } : { flow, what, to: { kind: 'skip', reason: host.reason } }];
    }
    case 'publicService': {
      const service = t.get(target.id, 'azureService')!;
      const host = serviceHost(service);
      const what = `${label(service)} (public)`;
      return ['host' in host ? { flow, what, to: { kind: 'host', host: host.host, port: flow.port ?? 443, dns: true } } : { flow, what, to: { kind: 'skip', reason: host.reason } }];
    }
    case 'internet':
      return [{ flow, what: `internet host ${target.host}`, to: { kind: 'host', host: target.host, port: flow.port ?? 443, dns: true } }];
    case 'onPremises': {
      const onPrem = t.get(target.id, 'onPremises')!;
      let param = hostParams.get(onPrem.id);
      if (param === undefined) hostParams.set(onPrem.id, (param = pascal(pool.take(onPrem.id, 'host'))));
      return [{ flow, what: `on-premises network ${label(onPrem)}`, to: { kind: 'param', param } }];
    }
    case 'dns':
      // Azure DNS answers inside the platform; custom servers are probed on TCP 53, as Power Platform's own
      // health checks do (domain.md §1.8), although the design judges the UDP queries.
      if (target.server === AZURE_DNS_IP) return [];
      return [{ flow, what: `DNS server ${target.server} (TCP 53; the design judges UDP 53)`, to: { kind: 'host', host: target.server, port: 53, dns: false } }];
  }
}

export function emitVerifyScriptPs1(plan: ExportPlan): string {
  const pool = new IdentifierPool('snake', ['endpoint', 'tenant_id']);
  const hostParams = new Map<string, string>();
  const params = [
    "  [ValidateSet('prod', 'usgovhigh', 'dod', 'china')]\n  [string] $Endpoint = 'prod'",
    '  [string] $TenantId',
  ];
  const body: string[] = [];
  const flowsByPolicy = new Map<string, Flow[]>();
  for (const flow of verifyDesign(plan.topology)) {
    const list = flowsByPolicy.get(flow.policyId) ?? [];
    list.push(flow);
    flowsByPolicy.set(flow.policyId, list);
  }
  for (const policy of plan.all('enterprisePolicy')) {
    const flows = flowsByPolicy.get(policy.id);
    if (!flows) continue;
    const env = plan.linkedEnvironments(policy)[0];
    const envParam = pascal(pool.take(policy.id, 'environment_id'));
    params.push(`  [string] $${envParam} = ${psString(env?.environmentId ?? '')}`);
    body.push(
      '',
      `# ${psCommentText(`Enterprise policy ${label(policy)}: tested from ${env ? `environment ${label(env)}` : 'an environment linked to it'}.`)}`,
      `if (-not $${envParam}) { throw ${psMessage(`Pass -${envParam}: the id of an environment linked to enterprise policy "${policy.name}".`)} }`,
    );
    // Primary side first, then by target, so the script does not depend on the order of the design's elements.
    const order = (f: Flow) => `${f.side === 'primary' ? 0 : 1}\0${targetKey(f.target)}`;
    for (const flow of [...flows].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
      const vnet = flow.sourceVnetId === undefined ? undefined : plan.topology.get(flow.sourceVnetId, 'vnet');
      for (const check of checksOf(plan, flow, hostParams, pool)) body.push(checkLine(check, envParam, vnet));
    }
  }
  for (const [id, param] of hostParams) {
    const onPrem = plan.topology.get(id, 'onPremises')!;
    params.push(`  # ${psCommentText(`A host in on-premises network ${label(onPrem)} that the workloads call (host[:port]); its checks are skipped when empty.`)}\n  [string] $${param}`);
  }
  const lines = [
    ...psEnterprisePoliciesScript([
      '.SYNOPSIS',
      'Checks, after deployment, each flow that ppvnet judged in the design, from the delegated subnets of both regions.',
      '.DESCRIPTION',
      'Runs Test-DnsResolution and Test-NetworkConnectivity from Microsoft\'s module Microsoft.PowerPlatform.EnterprisePolicies',
      '(Install-Module Microsoft.PowerPlatform.EnterprisePolicies) inside the delegated subnet of the primary and of the',
      'failover region, and prints each result beside the design\'s verdict. A result that differs from the verdict means',
      'the network that was deployed is not the one that was designed (or the design left something out).',
      'Run it signed in as a Power Platform administrator (Test-AccountPermissions checks that), after the',
      'environments are linked to their enterprise policy.',
    ], params),
    '',
    '$results = [System.Collections.Generic.List[object]]::new()',
    '',
    'function Add-Result([string] $Check, [string] $Side, [string] $Design, [string] $Result) {',
    '  $results.Add([pscustomobject]@{ Check = $Check; Side = $Side; Design = $Design; Result = $Result })',
    '}',
    '',
    '# Each cmdlet returns a string that says whether the test succeeded; a failure to run it is recorded, not thrown.',
    'function Invoke-Check([string] $Check, [string] $Side, [string] $Design, [scriptblock] $Run) {',
    '  try { $result = (& $Run | Out-String).Trim() } catch { $result = "could not run: $($_.Exception.Message)" }',
    '  Add-Result $Check $Side $Design $result',
    '}',
    '',
    'function Test-Flow {',
    '  param([string] $EnvironmentId, [string] $Region, [string] $Side, [string] $What, [string] $HostName,',
    '        [string] $Port, [switch] $Dns, [string] $DesignDns, [string] $Design)',
    '  $common = @{ EnvironmentId = $EnvironmentId; Endpoint = $Endpoint }',
    '  # Without a region the cmdlets test from the environment\'s own region, which is not the failover side.',
    '  if ($Region) { $common.Region = $Region }',
    '  if ($TenantId) { $common.TenantId = $TenantId }',
    '  if ($Dns) {',
    '    $resolve = { Test-DnsResolution @common -HostName $HostName }.GetNewClosure()',
    '    Invoke-Check "$What`: resolve $HostName" $Side $DesignDns $resolve',
    '  }',
    '  $connect = { Test-NetworkConnectivity @common -Destination $HostName -Port $Port }.GetNewClosure()',
    '  Invoke-Check "$What`: TCP $HostName`:$Port" $Side $Design $connect',
    '}',
    ...body,
  ];
  if (flowsByPolicy.size === 0) lines.push('', "Write-Host 'This design has no delegated subnet with a flow to check; nothing to do.'");
  lines.push('', '$results | Format-Table -AutoSize -Wrap');
  return `${lines.join('\n')}\n`;
}

function checkLine({ flow, what: whatText, to }: Check, envParam: string, vnet: ElementOf<'vnet'> | undefined): string {
  const side = psString(`${flow.side}${vnet ? ` (${vnet.region ?? 'region not in the design'})` : ''}`);
  const what = psString(whatText);
  const skipped = (reason: string) => `Add-Result ${what} ${side} ${psString(expected(flow))} ${psMessage(`skipped: ${reason}`)}`;
  if (to.kind === 'skip') return skipped(to.reason);
  const region = vnet?.region ? ` -Region ${psString(vnet.region)}` : '';
  const common = `-EnvironmentId $${envParam}${region} -Side ${side} -What ${what}`;
  // A host the user names is resolved too: whether the design's DNS answers for it is part of what is checked.
  const dns = to.kind === 'param' || to.dns;
  const verdicts = `${dns ? ` -Dns -DesignDns ${psString(expected(flow, 'dns'))}` : ''} -Design ${psString(expected(flow))}`;
  if (to.kind === 'param') {
    // host[:port]; the design does not say which port a connector uses on-premises, so 443 unless given.
    const param = `$${to.param}`;
    return [
      `if (${param}) {`,
      `  $onPremHost, $onPremPort = (${param} -split ':', 2) + '443' | Select-Object -First 2`,
      `  Test-Flow ${common} -HostName $onPremHost -Port $onPremPort${verdicts}`,
      `} else { ${skipped(`pass -${to.param}`)} }`,
    ].join('\n');
  }
  return `Test-Flow ${common} -HostName ${psString(to.host)} -Port ${psString(String(to.port))}${verdicts}`;
}
