// The workspace rule configuration: overrides apply, problems are positioned, valid entries survive typos.
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../../../src/core/rules/engine';
import { parseRulesConfig } from '../../../src/core/rules/rules-config';
import { rule as AZ08 } from '../../../src/core/rules/catalog/AZ-08';
import { edited, loadSample, removeRelations } from '../support/designs';

const KNOWN = ['AZ-01', 'AZ-08', 'PPV-001'];

describe('parseRulesConfig', () => {
  it('reads severity overrides and "off"', () => {
    const { config, problems } = parseRulesConfig('{ "rules": { "AZ-08": "error", "AZ-01": "off", "PPV-001": "info" } }', KNOWN);
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ 'AZ-08': 'error', 'AZ-01': 'off', 'PPV-001': 'info' });
  });

  it('allows comments, trailing commas and $schema, like bicepconfig.json', () => {
    const text = '{\n  // workspace rules\n  "$schema": "./ppvnet.config.schema.json",\n  /* block */ "rules": { "AZ-08": "warning", },\n}';
    const { config, problems } = parseRulesConfig(text, KNOWN);
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ 'AZ-08': 'warning' });
  });

  it('reports an unknown rule id at its key, and keeps the valid entries', () => {
    const text = '{\n  "rules": {\n    "AZ-99": "off",\n    "AZ-08": "error"\n  }\n}';
    const { config, problems } = parseRulesConfig(text, KNOWN);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Unknown rule id "AZ-99".');
    expect(problems[0]!.range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    expect(config.rules).toEqual({ 'AZ-08': 'error' });
  });

  it('reports a bad level at its value', () => {
    const text = '{ "rules": { "AZ-08": "fatal", "AZ-01": 2 } }';
    const { config, problems } = parseRulesConfig(text, KNOWN);
    expect(problems.map((p) => p.message)).toEqual([
      '"AZ-08" must be one of "error", "warning", "info", "off".',
      '"AZ-01" must be one of "error", "warning", "info", "off".',
    ]);
    expect(problems[0]!.range.start).toEqual({ line: 0, character: text.indexOf('"fatal"') });
    expect(config.rules).toEqual({});
  });

  it('reports unknown top-level settings and a non-object "rules"', () => {
    const { problems } = parseRulesConfig('{ "rulez": {}, "rules": [] }', KNOWN);
    expect(problems.map((p) => p.message)).toEqual([
      'Unknown setting "rulez"; the configuration has "rules", "addressPools", "reservedRanges", "onPremisesRanges".',
      '"rules" maps rule ids to "error", "warning", "info" or "off".',
    ]);
    expect(problems[0]!.range.start).toEqual({ line: 0, character: 2 });
  });

  it('reports invalid JSON at the syntax error and applies nothing', () => {
    const { config, problems } = parseRulesConfig('{\n  "rules": { "AZ-08": "error" \n', KNOWN);
    expect(config).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
    expect(problems[0]!.range.start.line).toBeGreaterThanOrEqual(1);
  });

  it('an empty object is a valid configuration', () => {
    expect(parseRulesConfig('{}', KNOWN)).toEqual({ config: { rules: {} }, problems: [] });
  });
});

describe('validateDesign with a configuration', () => {
  const oneWay = edited(loadSample('seed'), removeRelations('peer-neu-weu'));
  it('changes the severity of a rule\'s findings', () => {
    const { config } = parseRulesConfig('{ "rules": { "AZ-08": "error" } }', KNOWN);
    const findings = validateDesign(oneWay, { rules: [AZ08], config });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['AZ-08', 'error']]);
  });
  it('turns a rule off', () => {
    const { config } = parseRulesConfig('{ "rules": { "AZ-08": "off" } }', KNOWN);
    expect(validateDesign(oneWay, { rules: [AZ08], config })).toEqual([]);
    expect(validateDesign(oneWay, { rules: [AZ08] })).toHaveLength(1);
  });
});

describe('parseRulesConfig: address plan', () => {
  it('reads address pools, reserved and on-premises ranges', () => {
    const text = '{ "addressPools": [{ "name": "europe", "ranges": ["10.64.0.0/14", "10.80.0.0/16"] }], "reservedRanges": ["10.64.0.0/22"], "onPremisesRanges": ["10.0.0.0/12"] }';
    const { config, problems } = parseRulesConfig(text, KNOWN);
    expect(problems).toEqual([]);
    expect(config.addressPlan?.pools.map((p) => [p.name, p.ranges.map((r) => r.text)])).toEqual([['europe', ['10.64.0.0/14', '10.80.0.0/16']]]);
    expect(config.addressPlan?.reserved.map((r) => r.text)).toEqual(['10.64.0.0/22']);
    expect(config.addressPlan?.onPremises.map((r) => r.text)).toEqual(['10.0.0.0/12']);
  });

  it('positions a bad range and keeps the good ones', () => {
    const text = '{ "addressPools": [{ "name": "europe", "ranges": ["10.64.0.1/14", "10.80.0.0/16"] }, { "ranges": [] }] }';
    const { config, problems } = parseRulesConfig(text, KNOWN);
    expect(problems.map((p) => p.message)).toEqual([
      "Pool \"europe\" ranges: '10.64.0.1/14' has host bits set; the network address is 10.64.0.0/14.",
      'Each address pool needs a "name" and "ranges".',
    ]);
    expect(problems[0]!.range.start.character).toBe(text.indexOf('"10.64.0.1/14"'));
    expect(config.addressPlan?.pools.map((p) => p.ranges.map((r) => r.text))).toEqual([['10.80.0.0/16']]);
  });

  it('has no address plan when none is configured', () => {
    expect(parseRulesConfig('{ "rules": {} }', KNOWN).config.addressPlan).toBeUndefined();
  });
});
