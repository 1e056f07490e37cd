// The webview-side check of the host's addressPlan message: well-formed plans pass, hostile shapes are refused.
import { describe, expect, it } from 'vitest';
import { addressPlanMessage, parseAddressPlanMessage } from '../../../src/core/protocol/messages';
import { parseRulesConfig } from '../../../src/core/rules/rules-config';

const good = { type: 'addressPlan', pools: [{ name: 'corp', ranges: ['10.64.0.0/12'] }], reserved: ['10.64.0.0/24'], onPremises: ['192.168.0.0/16'] };

describe('parseAddressPlanMessage', () => {
  it('accepts a well-formed plan and an empty one', () => {
    expect(parseAddressPlanMessage(good)).toEqual({ ok: true, message: good });
    expect(parseAddressPlanMessage({ type: 'addressPlan', pools: [], reserved: [], onPremises: [] }).ok).toBe(true);
  });

  it.each([
    ['an unknown extra field', { ...good, secret: 'x' }],
    ['a non-CIDR range', { ...good, reserved: ['not-a-cidr'] }],
    ['an oversized range string', { ...good, onPremises: ['1'.repeat(10_000)] }],
    ['a pool without a name', { ...good, pools: [{ name: '', ranges: [] }] }],
    ['ranges that are not a list', { ...good, pools: [{ name: 'corp', ranges: '10.0.0.0/8' }] }],
    ['a prototype-polluting pool', { ...good, pools: [{ name: 'p', ranges: [], __proto__: { x: 1 }, constructor: 1 }] }],
    ['the wrong type', { ...good, type: 'init' }],
    ['not an object', 'addressPlan'],
  ])('refuses %s', (_what, raw) => {
    const r = parseAddressPlanMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^rejected host message/);
  });
});

describe('addressPlanMessage', () => {
  it('carries the configured plan as CIDR text that passes the webview check', () => {
    const { config } = parseRulesConfig(JSON.stringify({ addressPools: [{ name: 'corp', ranges: ['10.64.0.0/12'] }], reservedRanges: ['10.64.0.0/24'], onPremisesRanges: ['192.168.0.0/16'] }), []);
    const message = addressPlanMessage(config.addressPlan);
    expect(message).toEqual(good);
    expect(parseAddressPlanMessage(message)).toEqual({ ok: true, message: good });
  });

  it('sends an empty plan when nothing is configured', () => {
    expect(addressPlanMessage(undefined)).toEqual({ type: 'addressPlan', pools: [], reserved: [], onPremises: [] });
  });
});
