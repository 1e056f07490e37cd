// Referential integrity: every kind of problem, in the order the loader shows them, on one design that has
// them all (duplicate ids across and within lists, missing and wrong-kind ends, self-joins, repeats).
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../src/core/model/integrity';
import type { Design } from '../../../src/core/model/schema';

const design = {
  version: 1, name: 'integrity',
  elements: [
    { id: 'vnet-a', kind: 'vnet', name: 'a' },
    { id: 'sn', kind: 'subnet', name: 'sn', parent: 'vnet-a' },
    { id: 'sn2', kind: 'subnet', name: 'sn2', parent: 'gone' },
    { id: 'sn3', kind: 'subnet', name: 'sn3', parent: 'sn' },
    { id: 'dup', kind: 'vnet', name: 'd1' },
    { id: 'dup', kind: 'nsg', name: 'd2' },
    { id: 'nsg', kind: 'nsg', name: 'n' },
  ],
  relations: [
    { id: 'r1', kind: 'nsgAssociation', from: 'nsg', to: 'sn' },
    { id: 'r2', kind: 'nsgAssociation', from: 'nsg', to: 'sn' },
    { id: 'sn', kind: 'nsgAssociation', from: 'dup', to: 'sn2' },
    { id: 'r1', kind: 'peering', from: 'vnet-a', to: 'vnet-a' },
    { id: 'r4', kind: 'peering', from: 'r1', to: 'missing' },
    { id: 'r5', kind: 'peering', from: 'r1', to: 'missing' },
    { id: 'r6', kind: 'peering', from: 'vnet-a', to: 'dup' },
    { id: 'r7', kind: 'peering', from: 'vnet-a', to: 'dup' },
  ],
} as Design;

describe('checkIntegrity', () => {
  it('reports each problem once, element ids first, then parents, then relations in order', () => {
    expect(checkIntegrity(design)).toEqual([
      { message: 'Duplicate id "dup"; ids must be unique.', path: ['elements', 5, 'id'] },
      { message: 'subnet "sn2" names parent "gone", which is not in the design.', path: ['elements', 2, 'parent'] },
      { message: 'subnet "sn3" must be inside a vnet, not a subnet.', path: ['elements', 3, 'parent'] },
      { message: 'nsgAssociation "r2" repeats an existing nsgAssociation from "nsg" to "sn".', path: ['relations', 1, 'id'] },
      { message: 'Duplicate id "sn"; ids must be unique across elements and relations.', path: ['relations', 2, 'id'] },
      { message: 'Duplicate id "r1"; ids must be unique across elements and relations.', path: ['relations', 3, 'id'] },
      { message: 'peering "r1" joins "vnet-a" to itself.', path: ['relations', 3, 'to'] },
      { message: 'peering "r4": "from" names "r1", which is not in the design.', path: ['relations', 4, 'from'] },
      { message: 'peering "r4": "to" names "missing", which is not in the design.', path: ['relations', 4, 'to'] },
      { message: 'peering "r5": "from" names "r1", which is not in the design.', path: ['relations', 5, 'from'] },
      { message: 'peering "r5": "to" names "missing", which is not in the design.', path: ['relations', 5, 'to'] },
      { message: 'peering "r5" repeats an existing peering from "r1" to "missing".', path: ['relations', 5, 'id'] },
      { message: 'peering "r6": "to" must be a vnet, not a nsg.', path: ['relations', 6, 'to'] },
      { message: 'peering "r7": "to" must be a vnet, not a nsg.', path: ['relations', 7, 'to'] },
      { message: 'peering "r7" repeats an existing peering from "vnet-a" to "dup".', path: ['relations', 7, 'id'] },
    ]);
  });

  it('finds nothing in a sound design', () => {
    expect(checkIntegrity({ ...design, elements: design.elements.slice(0, 2), relations: [] })).toEqual([]);
  });
});
