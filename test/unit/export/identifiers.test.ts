// Identifiers derived from ids and names are valid in their language and unique within one file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdentifierPool, toIdentifier } from '../../../src/core/export/identifiers';

describe('toIdentifier', () => {
  it('camelCases for Bicep and snake_cases for Terraform', () => {
    expect(toIdentifier('vnet-weu', 'camel')).toBe('vnetWeu');
    expect(toIdentifier('snet-pp-weu name', 'camel')).toBe('snetPpWeuName');
    expect(toIdentifier('vnet-weu', 'snake')).toBe('vnet_weu');
    expect(toIdentifier('AllowDnsTcpOutbound', 'snake')).toBe('allow_dns_tcp_outbound');
  });

  it('never starts with a digit and never comes out empty', () => {
    expect(toIdentifier('10-net', 'camel')).toBe('n10Net');
    expect(toIdentifier('10-net', 'snake')).toBe('n_10_net');
    expect(toIdentifier('---', 'snake')).toBe('item');
  });
});

describe('IdentifierPool', () => {
  it('suffixes clashes and reserved words', () => {
    const pool = new IdentifierPool('camel');
    expect(pool.take('vnet-weu')).toBe('vnetWeu');
    expect(pool.take('vnet_weu')).toBe('vnetWeu2');
    expect(pool.take('resource')).toBe('resource2');
    const snake = new IdentifierPool('snake');
    expect(snake.take('count')).toBe('count_2');
  });

  it('hands out valid, unique identifiers for any ids', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 40 }), (ids) => {
      for (const style of ['camel', 'snake'] as const) {
        const pool = new IdentifierPool(style);
        const got = ids.map((id) => pool.take(id));
        if (new Set(got.map((g) => g.toLowerCase())).size !== got.length) return false;
        if (!got.every((g) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(g))) return false;
      }
      return true;
    }));
  });
});
