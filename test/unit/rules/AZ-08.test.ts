// AZ-08: peerings exist in both directions; the quick fix adds the mirrored reverse peering.
import { applyEdit } from '../../../src/core/model/design-edits';
import { rule as AZ08 } from '../../../src/core/rules/catalog/AZ-08';
import { edited, loadSample, removeRelations } from '../support/designs';
import { runRule, testRule } from '../support/rule-tester';
import { expect, it } from 'vitest';

const seed = loadSample('seed');
const oneWay = edited(seed, removeRelations('peer-neu-weu'), { op: 'updateRelation', id: 'peer-weu-neu', set: { allowGatewayTransit: true, useRemoteGateways: false } });

testRule(AZ08, {
  valid: [
    { name: 'the seed', design: seed },
    { name: 'the minimal sample', design: loadSample('minimal') },
  ],
  invalid: [
    { name: 'a one-way peering', design: oneWay, expected: ['peer-weu-neu'], messages: [/has no peering back; it stays Initiated/], fixResolves: true },
  ],
});

it('AZ-08 quick fix mirrors the gateway flags', () => {
  const [f] = runRule(AZ08, oneWay);
  const r = applyEdit(oneWay, f!.fixes![0]!.edit);
  expect(r.ok).toBe(true);
  const added = r.ok ? r.design.relations.find((x) => x.kind === 'peering' && x.from === 'vnet-neu') : undefined;
  expect(added).toMatchObject({ kind: 'peering', from: 'vnet-neu', to: 'vnet-weu', allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: true });
});
