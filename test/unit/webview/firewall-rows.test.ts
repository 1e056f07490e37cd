// The inspector's firewall rule table: rules flatten to rows and come back as the same rule collection
// groups, an edit of a shared field on one row applies to its group or collection, and Go to finds a rule's row.
import { describe, expect, it } from 'vitest';
import type { ElementOf } from '../../../src/core/model/schema';
import { firewallSchema } from '../../../src/core/model/schema';
import { FIREWALL_RULE_COLUMNS, firewallGroups, firewallRowIndex, firewallRows, newFirewallRow } from '../../../webview/inspector/firewall-rows';
import { loadSample } from '../support/designs';

const fw = loadSample('hub-firewall').elements.find((e): e is ElementOf<'firewall'> => e.id === 'afw-weu')!;
const groups = fw.ruleCollectionGroups!;

describe('firewall rule rows', () => {
  it('round-trips the sample policy', () => {
    const rows = firewallRows(groups);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatchObject({ collection: 'app-deny-untrusted', action: 'Deny', ruleType: 'application', name: 'deny-fabrikam', protocols: 'Https:443', destinations: 'api.fabrikam.com' });
    const back = firewallGroups(rows, rows);
    expect(back).toEqual(groups);
    // A cell edit keeps what is no column (the rule's description).
    const renamed = firewallGroups(rows.map((r, i) => (i === 1 ? { ...r, name: 'deny-fabrikam-2' } : r)), rows);
    expect(renamed[0]!.ruleCollections[1]!.rules[0]).toMatchObject({ name: 'deny-fabrikam-2', description: groups[0]!.ruleCollections[1]!.rules[0]!.description });
    expect(firewallSchema.safeParse({ ...fw, ruleCollectionGroups: back }).success).toBe(true);
  });
  it('an action edited on one row applies to its collection; a priority to its group', () => {
    const rows = firewallRows(groups);
    const edited = rows.map((r, i) => (i === 3 ? { ...r, action: 'Deny', groupPriority: 500 } : r));
    const back = firewallGroups(edited, rows);
    expect(back[0]!.priority).toBe(500);
    expect(back[0]!.ruleCollections[2]).toMatchObject({ name: 'app-allow-workloads', action: 'Deny' });
    expect(back[0]!.ruleCollections[2]!.rules).toHaveLength(3);
  });
  it('a row moved to a new collection name makes a new collection; a network row keeps ports', () => {
    const rows = firewallRows(groups);
    const edited = rows.map((r, i) => (i === 0 ? { ...r, collection: 'net-allow-sql-2', ports: '1433, 1434' } : r));
    const back = firewallGroups(edited, rows);
    expect(back[0]!.ruleCollections.map((c) => c.name)).toEqual(['net-allow-sql-2', 'app-deny-untrusted', 'app-allow-workloads']);
    expect(back[0]!.ruleCollections[0]!.rules[0]).toMatchObject({ destinationPorts: ['1433', '1434'] });
  });
  it('finds the row of [group, collection, rule]', () => {
    expect(firewallRowIndex(groups, [0, 1, 0])).toBe(1);
    expect(firewallRowIndex(groups, [0, 2, 2])).toBe(4);
    expect(firewallRowIndex(groups, [0, 2, 3])).toBeUndefined();
    expect(firewallRowIndex(groups, [1, 0, 0])).toBeUndefined();
  });
  it('refuses cells Azure would refuse, per rule type', () => {
    const check = (key: string, text: string, row: Record<string, unknown>) => FIREWALL_RULE_COLUMNS.find((c) => c.key === key)!.check?.(text, row);
    expect(check('protocols', 'TCP, UDP', { ruleType: 'network' })).toBeUndefined();
    expect(check('protocols', 'Https:443', { ruleType: 'network' })).toMatch(/not TCP, UDP, ICMP or Any/);
    expect(check('protocols', 'Https:443, Mssql', { ruleType: 'application' })).toBeUndefined();
    expect(check('protocols', 'Ftp:21', { ruleType: 'application' })).toMatch(/not Http, Https or Mssql/);
    expect(check('groupPriority', '99', {})).toMatch(/100 to 65000/);
    expect(check('destinations', '', { ruleType: 'application' })).toMatch(/needs target FQDNs or FQDN tags/);
    expect(check('destinations', 'api.contoso.com, *.vault.azure.net', { ruleType: 'application' })).toBeUndefined();
    expect(check('ports', '443', { ruleType: 'application' })).toMatch(/from the protocols/);
    expect(check('sources', 'VirtualNetwork', {})).toMatch(/not an IP address/);
  });
  it('a new row joins the last collection', () => {
    const rows = firewallRows(groups);
    expect(newFirewallRow(rows)).toMatchObject({ group: 'rcg-powerplatform', collection: 'app-allow-workloads', name: 'rule-6', protocols: 'Https:443' });
    expect(newFirewallRow([])).toMatchObject({ group: 'rcg-1', ruleType: 'application' });
  });
});
