// The forwarding-rule table of the inspector: targets edited as "ip[:port], …", refused with a reason when
// a cell is not valid, and turned back into the document's rules without losing ports or the disabled state.
import { describe, expect, it } from 'vitest';
import { checkDomainName, FORWARDING_RULE_COLUMNS, newForwardingRow, parseTargets, rowsToRules, rulesToRows } from '../../../webview/inspector/forwarding-rule-columns';
import { forwardingRuleSchema } from '../../../src/core/model/schema';

describe('forwarding rule table', () => {
  it('parses targets with and without ports', () => {
    expect(parseTargets('192.168.1.4:53, 192.168.1.5')).toEqual({ ok: true, targets: [{ ipAddress: '192.168.1.4', port: 53 }, { ipAddress: '192.168.1.5' }] });
  });
  it('refuses what Azure would reject, with the reason', () => {
    expect(parseTargets('')).toMatchObject({ ok: false, error: expect.stringMatching(/at least one target/) });
    expect(parseTargets('dns.contoso.com')).toMatchObject({ ok: false, error: expect.stringMatching(/not an IPv4 address/) });
    expect(parseTargets('10.0.0.4:70000')).toMatchObject({ ok: false, error: expect.stringMatching(/outside 1–65535/) });
    expect(checkDomainName('contoso.local.')).toBeUndefined();
    expect(checkDomainName('bad domain')).toMatch(/not a domain name/);
    const targets = FORWARDING_RULE_COLUMNS.find((c) => c.key === 'targets')!;
    expect(targets.check!('10.0.0.256', {})).toMatch(/not an IPv4 address/);
  });
  it('round-trips rules through rows, keeping ports and the disabled state', () => {
    const rules = [
      { name: 'corp', domainName: 'corp.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.1.4', port: 53 }, { ipAddress: '192.168.1.5' }] },
      { name: 'legacy', domainName: 'legacy.contoso.com.', targetDnsServers: [{ ipAddress: '192.168.2.4', port: 5353 }], enabled: false },
    ];
    const rows = rulesToRows(rules);
    expect(rows.map((r) => [r.targets, r.state])).toEqual([['192.168.1.4:53, 192.168.1.5', 'Enabled'], ['192.168.2.4:5353', 'Disabled']]);
    expect(rowsToRules(rows)).toEqual(rules);
  });
  it('a new row is a valid rule with a free name', () => {
    const first = newForwardingRow([]);
    const second = newForwardingRow([first]);
    expect(second.name).not.toBe(first.name);
    // The name is the inspector's one fresh-name rule: a name taken in any case is skipped.
    expect(newForwardingRow([{ ...first, name: 'RULE-2' }]).name).toBe('rule-3');
    for (const rule of rowsToRules([first, second])) expect(forwardingRuleSchema.safeParse(rule).success).toBe(true);
  });
});
