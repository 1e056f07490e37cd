// The data policy readings the DLP rules share: pattern matching as the admin center does it, first match
// wins, the default group, scope coverage and the endpoint a connector names.
import { describe, expect, it } from 'vitest';
import { Topology } from '../../../src/core/model/topology';
import { covers, deniesTheRest, endpointBehavior, endpointMatches, endpointOf, groupOf, sameConnectorId } from '../../../src/core/rules/analysis/data-policy';
import type { ElementOf } from '../../../src/core/model/schema';
import { edited } from '../support/designs';
import { dataPolicy, seedWithoutDataPolicy, sqlWorkload } from './ppv-fixtures';

describe('data policy analysis', () => {
  it('matches * as any run of characters, case-insensitively, and nothing else as a pattern', () => {
    expect(endpointMatches('*.database.windows.net*', 'SQL1.database.windows.net,db')).toBe(true);
    expect(endpointMatches('https://a.contoso.com/*', 'https://a.contoso.com/x/y')).toBe(true);
    expect(endpointMatches('https://a.contoso.com/*', 'https://b.contoso.com/')).toBe(false);
    // Regex characters are themselves: '.' is a dot, '(' does not throw.
    expect(endpointMatches('a.b', 'axb')).toBe(false);
    expect(endpointMatches('(x)*', '(x)y')).toBe(true);
  });

  it('takes the first matching rule, Allow when none, and knows when the rest is denied', () => {
    const rules = [
      { connector: 'http', endpoint: 'https://a/*', behavior: 'Deny' as const },
      { connector: 'http', endpoint: 'https://*', behavior: 'Allow' as const },
      { connector: 'http', endpoint: '*', behavior: 'Deny' as const },
    ];
    expect(endpointBehavior(rules, 'https://a/x')).toBe('Deny');
    expect(endpointBehavior(rules, 'https://b/x')).toBe('Allow');
    expect(endpointBehavior(rules, 'ftp://b')).toBe('Deny');
    expect(endpointBehavior([], 'anything')).toBe('Allow');
    expect(deniesTheRest(rules)).toBe(true);
    expect(deniesTheRest(rules.slice(0, 2))).toBe(false);
    expect(deniesTheRest([])).toBe(false);
  });

  it('names a connector by its last path segment, and falls back to the default group', () => {
    expect(sameConnectorId('/providers/Microsoft.PowerApps/apis/shared_SQL', 'shared_sql')).toBe(true);
    expect(sameConnectorId('http', '/providers/Microsoft.PowerApps/apis/http')).toBe(true);
    expect(sameConnectorId('shared_sql', 'shared_sqlx')).toBe(false);
    const p = { id: 'p', kind: 'dataPolicy', name: 'p', defaultGroup: 'Blocked', connectors: [{ connector: 'shared_sql', group: 'Business' }] } as ElementOf<'dataPolicy'>;
    expect(groupOf(p, '/providers/Microsoft.PowerApps/apis/shared_sql')).toBe('Business');
    expect(groupOf(p, 'http')).toBe('Blocked');
    expect(groupOf({ ...p, defaultGroup: undefined }, 'http')).toBeUndefined();
  });

  it('covers by scope: all, only the named, all but the named; unknown scope is unknown', () => {
    for (const [scope, named, other] of [['AllEnvironments', true, true], ['OnlyEnvironments', true, false], ['ExceptEnvironments', false, true]] as const) {
      const d = edited(seedWithoutDataPolicy, { op: 'addElements', elements: [{ id: 'env-2', kind: 'environment', name: 'env-2' }] }, dataPolicy({ environmentScope: scope }));
      const t = new Topology(d);
      const p = t.get('dlp-1', 'dataPolicy')!;
      expect([covers(t, p, 'env-prod'), covers(t, p, 'env-2')], scope).toEqual([named, other]);
    }
    const t = new Topology(edited(seedWithoutDataPolicy, dataPolicy({ environmentScope: undefined })));
    expect(covers(t, t.get('dlp-1', 'dataPolicy')!, 'env-prod')).toBeUndefined();
  });

  it("writes the endpoint in the connector's format", () => {
    const t = new Topology(edited(seedWithoutDataPolicy, sqlWorkload));
    const sql = t.get('sql', 'azureService')!;
    const conn = t.get('conn-sql', 'connector')!;
    expect(endpointOf(conn, sql)).toBe('sql-casemgmt.database.windows.net,database');
    expect(endpointOf({ ...conn, connectorType: 'httpEntraId' }, sql)).toBe('https://sql-casemgmt.database.windows.net/');
    expect(endpointOf({ ...conn, connectorType: 'azureBlob' }, { ...sql, serviceType: 'storageAccount', name: 'StCase' })).toBe('stcase');
    expect(endpointOf({ ...conn, connectorType: 'custom' }, sql)).toBeUndefined();
  });
});
