// verify-connectivity.ps1: one live check per flow the verifier judged, from both regions, with Microsoft's
// diagnostics cmdlets and the design's verdict beside it; hosts derived from service names; names held as data.
import { describe, expect, it } from 'vitest';
import { exportDesign, EXPORT_FORMATS } from '../../../src/core/export/export-design';
import type { Design } from '../../../src/core/model/schema';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { serviceHost } from '../../../src/core/verify/service-hosts';
import { edited, loadFixture, loadSample, set, unchecked } from '../support/designs';
import { splitPsScript } from './ps-literal';

const script = (design: Design) => exportDesign(design, 'bicep', { designFile: 'd.ppvnet.json' }).find((f) => f.path === 'verify-connectivity.ps1')!.content;
const flowLines = (ps: string) => ps.split('\n').filter((l) => /^\s*Test-Flow /.test(l));

describe('verify-connectivity.ps1', () => {
  it('is exported with both formats', () => {
    for (const format of EXPORT_FORMATS) {
      expect(exportDesign(loadSample('seed'), format, { designFile: 'seed.ppvnet.json' }).map((f) => f.path)).toContain('verify-connectivity.ps1');
    }
  });

  it('seed: each private endpoint flow is tested from the primary and the failover region, by host and port', () => {
    const ps = script(loadSample('seed'));
    const lines = flowLines(ps);
    const flows = verifyDesign(loadSample('seed')).filter((f) => f.target.kind !== 'dns');
    expect(lines).toHaveLength(flows.length);
    for (const host of ['kv-casemgmt.vault.azure.net', 'app-casemgmt-api.azurewebsites.net']) {
      expect(lines.filter((l) => l.includes(`-HostName '${host}' -Port '443'`)).map((l) => /-Region '(\w+)'/.exec(l)![1])).toEqual(['westeurope', 'northeurope']);
    }
    expect(ps).toContain('Test-DnsResolution @common -HostName $HostName');
    expect(ps).toContain('Test-NetworkConnectivity @common -Destination $HostName -Port $Port');
    // The seed's environment has no id yet: the script asks for it rather than testing nothing.
    expect(ps).toMatch(/if \(-not \$PolicyProdEnvironmentId\) \{ throw 'Pass -PolicyProdEnvironmentId/);
  });

  it('hybrid hub: SQL on 1433, the on-premises host comes from a parameter, custom DNS is probed on TCP 53', () => {
    const ps = script(loadFixture('hub-spoke-hybrid'));
    expect(ps).toContain("-HostName 'sql-claims-uks.database.windows.net' -Port '1433'");
    expect(ps).toMatch(/\[string\] \$OnpremDcHost\n/);
    expect(ps).toContain("skipped: pass -OnpremDcHost");
    expect(ps).toMatch(/DNS server 10\.100\.1\.4 \(TCP 53; the design judges UDP 53\)' -HostName '10\.100\.1\.4' -Port '53'/);
  });

  it('prints the design verdict and the deciding hop beside a blocked flow', () => {
    const ps = script(loadFixture('custom-dns-hub'));
    const failover = flowLines(ps).find((l) => l.includes("-Region 'northeurope'"))!;
    expect(failover).toMatch(/-Design 'blocked: .+drops the traffic/);
  });

  it('says why a service has no host instead of testing a guess', () => {
    const design = unchecked(loadSample('seed'), 'kv', { name: 'kv casemgmt' });
    const ps = script(design);
    expect(ps).toMatch(/Add-Result 'private endpoint "pe-casemgmt-kv" \(pe-kv\)' .* 'skipped: "kv casemgmt" is not a resource name that can be a host name'/);
    expect(serviceHost({ id: 'x', kind: 'azureService', name: 'thing', serviceType: 'other' })).toEqual({ reason: 'the design does not say what kind of resource "thing" is' });
    expect(serviceHost({ id: 'x', kind: 'azureService', name: 'st1', serviceType: 'storageAccount' }, 'blob_secondary')).toHaveProperty('reason');
    expect(serviceHost({ id: 'x', kind: 'azureService', name: 'St1', serviceType: 'storageAccount' }, 'file')).toEqual({ host: 'st1.file.core.windows.net' });
  });

  it('holds hostile names as data: nothing of them reaches the code outside single-quoted literals', () => {
    const hostile = "x\u2019 + $(New-Item pwned) + \u2019'; Remove-Item -Recurse / #";
    let design = edited(loadSample('seed'), set('policy-prod', { name: 'ep-x' }));
    design = unchecked(design, 'env-prod', { name: hostile, environmentId: "00000000-0000-0000-0000-000000000000' + $(calc) + '" });
    design = unchecked(design, 'pe-kv', { name: hostile });
    const { code, literals } = splitPsScript(script(design));
    expect(code).not.toMatch(/New-Item|Remove-Item|calc/);
    expect(literals.some((l) => l.includes('+ $(New-Item pwned) +'))).toBe(true);
    expect(literals).toContain("00000000-0000-0000-0000-000000000000' + $(calc) + '");
  });
});
