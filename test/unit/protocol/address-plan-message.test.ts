// The webview-side check of the host's addressPlan message: well-formed plans pass, hostile shapes are refused.
import { describe, expect, it } from 'vitest';
import { addressPlanMessage, addressPlanOfMessage, parseAddressPlanMessage } from '../../../src/core/protocol/messages';
import { CONFIG_FILE_NAMES, parseRulesConfig } from '../../../src/core/rules/rules-config';

const good = { type: 'addressPlan', configFile: 'ppvnet.config.json', problems: 0, pools: [{ name: 'corp', ranges: ['10.64.0.0/12'] }], reserved: ['10.64.0.0/24'], onPremises: ['192.168.0.0/16'] };

describe('parseAddressPlanMessage', () => {
  it('accepts a well-formed plan and an empty one', () => {
    expect(parseAddressPlanMessage(good)).toEqual({ ok: true, message: good });
    expect(parseAddressPlanMessage({ type: 'addressPlan', problems: 0, pools: [], reserved: [], onPremises: [] }).ok).toBe(true);
  });

  it('accepts every configuration file name the store reads', () => {
    for (const configFile of CONFIG_FILE_NAMES) expect(parseAddressPlanMessage({ ...good, configFile }).ok).toBe(true);
  });

  it.each([
    ['an unknown extra field', { ...good, secret: 'x' }],
    ['a non-CIDR range', { ...good, reserved: ['not-a-cidr'] }],
    ['an oversized range string', { ...good, onPremises: ['1'.repeat(10_000)] }],
    ['a pool without a name', { ...good, pools: [{ name: '', ranges: [] }] }],
    ['ranges that are not a list', { ...good, pools: [{ name: 'corp', ranges: '10.0.0.0/8' }] }],
    ['a prototype-polluting pool', { ...good, pools: [{ name: 'p', ranges: [], __proto__: { x: 1 }, constructor: 1 }] }],
    ['the wrong type', { ...good, type: 'init' }],
    ['a file that is not a configuration file', { ...good, configFile: '../../etc/passwd' }],
    ['no problem count', { type: 'addressPlan', pools: [], reserved: [], onPremises: [] }],
    ['a negative problem count', { ...good, problems: -1 }],
    ['a fractional problem count', { ...good, problems: 1.5 }],
    ['an IPv6 range', { ...good, reserved: ['fd00::/8'] }],
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
    const message = addressPlanMessage(config.addressPlan, { file: 'ppvnet.config.json', problems: 0 });
    expect(message).toEqual(good);
    expect(parseAddressPlanMessage(message)).toEqual({ ok: true, message: good });
  });

  it('sends an empty plan when nothing is configured', () => {
    expect(addressPlanMessage(undefined)).toEqual({ type: 'addressPlan', problems: 0, pools: [], reserved: [], onPremises: [] });
  });

  it('sends what is valid of a config with problems, and how many problems it has', () => {
    const text = JSON.stringify({ addressPools: [{ name: 'corp', ranges: ['10.64.0.0/12', '10.300.0.0/16'] }, { ranges: ['10.0.0.0/8'] }], reservedRanges: 'x' });
    const { config, problems } = parseRulesConfig(text, []);
    expect(problems).toHaveLength(3);
    const message = addressPlanMessage(config.addressPlan, { file: '.ppvnetrc.json', problems: problems.length });
    expect(message).toEqual({ type: 'addressPlan', configFile: '.ppvnetrc.json', problems: 3, pools: [{ name: 'corp', ranges: ['10.64.0.0/12'] }], reserved: [], onPremises: [] });
    expect(parseAddressPlanMessage(message).ok).toBe(true);
  });

  it('says a config that is not JSON has a problem instead of sending it as unconfigured', () => {
    const { config, problems } = parseRulesConfig('{ "addressPools": [', []);
    expect(addressPlanMessage(config.addressPlan, { file: 'ppvnet.config.json', problems: problems.length })).toMatchObject({ problems: 1, pools: [] });
  });
});

describe('addressPlanOfMessage', () => {
  it('gives back the plan the message was built from', () => {
    const { config } = parseRulesConfig(JSON.stringify({ addressPools: [{ name: 'corp', ranges: ['10.64.0.0/12', '172.16.0.0/16'] }], reservedRanges: ['10.64.0.0/24'], onPremisesRanges: ['192.168.0.0/16'] }), []);
    expect(addressPlanOfMessage(addressPlanMessage(config.addressPlan))).toEqual(config.addressPlan);
  });

  it('leaves out a pool without ranges: it has no addresses to draw', () => {
    expect(addressPlanOfMessage({ ...good, type: 'addressPlan', configFile: 'ppvnet.config.json', pools: [{ name: 'empty', ranges: [] }] }).pools).toEqual([]);
  });
});
