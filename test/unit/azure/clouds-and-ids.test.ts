// Endpoint resolution (cloud names, URLs, https only) and design ids from Azure names.
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../src/core/azure/clouds';
import { IdAllocator, sanitiseId } from '../../../src/core/azure/element-ids';
import { armKey, parentArmId, parseArmId } from '../../../src/core/azure/arm-id';

describe('resolveEndpoint', () => {
  it('defaults to the public cloud and knows the sovereign clouds by name', () => {
    expect(resolveEndpoint(undefined)).toEqual({ endpoint: 'https://management.azure.com', scope: 'https://management.azure.com/.default' });
    expect(resolveEndpoint('azureusgovernment').endpoint).toBe('https://management.usgovcloudapi.net');
    expect(resolveEndpoint('AzureChinaCloud').scope).toBe('https://management.chinacloudapi.cn/.default');
    expect(resolveEndpoint('https://management.example.test/').endpoint).toBe('https://management.example.test');
  });

  it('refuses plain http, query strings and non-URLs', () => {
    expect(() => resolveEndpoint('http://management.azure.com')).toThrow(/https/);
    expect(() => resolveEndpoint('https://management.azure.com/?x=1')).toThrow(/plain base URL/);
    expect(() => resolveEndpoint('MyCloud')).toThrow(/neither a cloud name/);
  });
});

describe('design ids from Azure names', () => {
  it('sanitises into the schema alphabet and length', () => {
    expect(sanitiseId('privatelink.azurewebsites.net')).toBe('privatelink.azurewebsites.net');
    expect(sanitiseId('(my vnet) #1')).toBe('my-vnet-1');
    expect(sanitiseId('___')).toBe('item');
    expect(sanitiseId('x'.repeat(100))).toHaveLength(64);
    // Longer names are fitted, not cut: two that share their first 64 characters get different ids.
    expect(sanitiseId('a'.repeat(63) + '-b')).toMatch(/^a{55}-[0-9a-f]{8}$/);
    expect(sanitiseId('a'.repeat(63) + '-b')).not.toBe(sanitiseId('a'.repeat(63) + '-c'));
  });

  it('keeps ids unique, case-insensitively, preferring the given alternatives', () => {
    const ids = new IdAllocator();
    expect(ids.allocate('snet')).toBe('snet');
    expect(ids.allocate('SNET', 'vnet2-snet')).toBe('vnet2-snet');
    expect(ids.allocate('snet', 'vnet2-snet')).toBe('snet-2');
    expect(ids.allocate('snet')).toBe('snet-3');
  });

  it('parses ARM ids case-insensitively', () => {
    const id = '/subscriptions/S1/resourcegroups/RG/providers/Microsoft.Network/virtualNetworks/v1/subnets/s1';
    expect(parseArmId(id)).toEqual({ subscriptionId: 'S1', resourceGroup: 'RG', type: 'Microsoft.Network/virtualNetworks/subnets', names: ['v1', 's1'] });
    expect(parentArmId(id)).toBe('/subscriptions/S1/resourcegroups/RG/providers/Microsoft.Network/virtualNetworks/v1');
    expect(armKey(`${id}/`)).toBe(id.toLowerCase());
  });
});
