// The Connectivity panel's rows: one per policy and target, both regions side by side, the deciding hop's
// reason for what is not reachable, and the path the canvas highlights.
import { describe, expect, it } from 'vitest';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { decidingTarget, findCell, flowRows, verdictCounts } from '../../../webview/connectivity/flow-rows';
import { loadFixture, loadSample } from '../support/designs';

const rowsOf = (d: ReturnType<typeof loadSample>) => flowRows(d, verifyDesign(d));

describe('flowRows', () => {
  it('custom-dns-hub: the failover DNS flow is blocked by the route that drops it; primary reaches the hub DNS', () => {
    const d = loadFixture('custom-dns-hub');
    const rows = rowsOf(d);
    expect(rows.map((r) => r.key)).toEqual(['policy-eu->dns:10.0.2.4']);
    const [row] = rows;
    expect(row!.targetName).toBe('DNS 10.0.2.4');
    expect(row!.primary?.verdict).toBe('reachable');
    expect(row!.primary?.deciding).toBeUndefined();
    expect(row!.failover?.verdict).toBe('blocked');
    expect(row!.failover?.deciding?.kind).toBe('route');
    expect(row!.failover?.deciding?.text).toMatch(/drops the traffic/);
    expect(decidingTarget(row!.failover!)).toBe('vnet-neu');
    expect([...row!.failover!.path]).toEqual(expect.arrayContaining(['snet-pp-neu', 'vnet-neu']));
    // The primary path crosses the hub: the DNS server's subnet and its NSG are on it.
    expect([...row!.primary!.path]).toEqual(expect.arrayContaining(['snet-pp-weu', 'nsg-dns', 'snet-dns']));
  });

  it('hub-spoke-firewall: unknown where the appliance decides, reachable DNS, one row per target', () => {
    const d = loadFixture('hub-spoke-firewall');
    const rows = rowsOf(d);
    expect(rows.map((r) => [r.key, r.primary?.verdict, r.failover?.verdict])).toEqual([
      ['policy-eu->pe-kv', 'unknown', 'unknown'],
      ['policy-eu->onprem-dc', 'unknown', 'unknown'],
      ['policy-eu->dns:168.63.129.16', 'reachable', 'reachable'],
    ]);
    const kv = rows[0]!.primary!;
    expect(decidingTarget(kv)).toBe('snet-nva');
    expect([...kv.path]).toEqual(expect.arrayContaining(['snet-pp-weu', 'rt-spokes', 'snet-nva', 'pe-kv']));
  });

  it('seed: every flow reachable in both regions, with the peering on the failover path', () => {
    const d = loadSample('seed');
    const flows = verifyDesign(d);
    const rows = flowRows(d, flows);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.primary?.verdict === 'reachable' && r.failover?.verdict === 'reachable')).toBe(true);
    expect(verdictCounts(flows)).toEqual({ reachable: 6, blocked: 0, unknown: 0 });
    const api = rows.find((r) => r.key === 'policy-prod->pe-api')!;
    expect(api.policyName).toBe(d.elements.find((e) => e.id === 'policy-prod')!.name);
    expect(api.failover!.path.has('peer-neu-weu')).toBe(true);
    expect(findCell(rows, api.failover!.flowId)).toBe(api.failover);
    expect(findCell(rows, 'gone')).toBeUndefined();
  });

  it('adds the relations between two path elements, and no relation of an element off the path', () => {
    const d = loadSample('seed');
    const cell = rowsOf(d).find((r) => r.key === 'policy-prod->pe-kv')!.primary!;
    for (const r of d.relations) {
      if (cell.path.has(r.from) && cell.path.has(r.to)) expect(cell.path.has(r.id)).toBe(true);
      if (r.from === 'policy-prod' || r.to === 'policy-prod') expect(cell.path.has(r.id)).toBe(false);
    }
  });
});
