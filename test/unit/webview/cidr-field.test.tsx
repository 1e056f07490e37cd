// @vitest-environment jsdom
// CIDR fields in the inspector: errors show while typing, invalid text is never committed, valid text is committed once.
import { mount } from '../support/webview-jsdom';
import { describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { TextField } from '../../../webview/components/TextField';
import { checkCidrField, checkCidrList, checkIpList } from '../../../webview/model/cidr-input';
import { pressKey, typeText } from '../support/dom-input';

describe('CIDR checks', () => {
  it('accepts Azure CIDR blocks and explains bad ones', () => {
    expect(checkCidrField('10.0.1.0/24')).toEqual({ ok: true, value: '10.0.1.0/24' });
    expect(checkCidrField('')).toEqual({ ok: true, value: undefined });
    expect(checkCidrField('10.0.1.1/24')).toMatchObject({ ok: false, error: expect.stringMatching(/host bits/) });
    expect(checkCidrList('10.0.0.0/16, 10.1.0.0/16')).toEqual({ ok: true, value: ['10.0.0.0/16', '10.1.0.0/16'] });
    expect(checkCidrList('10.0.0.0/16\n10.1.0.0/33')).toMatchObject({ ok: false, error: expect.stringMatching(/^Entry 2: .*larger than \/32/) });
    // Dual-stack (#12 case 12): an IPv6 block beside the IPv4 one, read as strictly.
    expect(checkCidrList('10.0.0.0/16, fd00:db8:deca::/48')).toEqual({ ok: true, value: ['10.0.0.0/16', 'fd00:db8:deca::/48'] });
    expect(checkCidrField('fd00:db8:deca:1::/64')).toEqual({ ok: true, value: 'fd00:db8:deca:1::/64' });
    expect(checkCidrList('10.0.0.0/16, fd00:db8:deca::1/48')).toMatchObject({ ok: false, error: expect.stringMatching(/^Entry 2: .*host bits/) });
    expect(checkIpList('10.0.0.4, 168.63.129.16')).toEqual({ ok: true, value: ['10.0.0.4', '168.63.129.16'] });
    expect(checkIpList('10.0.0.4, dns')).toMatchObject({ ok: false, error: expect.stringMatching(/Entry 2/) });
  });
});

describe('TextField with CIDR validation', () => {
  let host: HTMLDivElement | undefined;
  function render(value: string, commits: string[]) {
    const validate = (t: string) => { const r = checkCidrField(t); return r.ok ? undefined : r.error; };
    host = mount(createElement(TextField, { label: 'Address prefix', value, validate, onCommit: (t: string) => commits.push(t), testId: 'prop-addressPrefix' })).host;
    return host.querySelector('input')!;
  }

  it('shows the parse error while typing and does not commit invalid text', () => {
    const commits: string[] = [];
    const input = render('10.0.1.0/24', commits);
    typeText(input, '10.0.1.7/24');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(host!.querySelector('[role="alert"]')!.textContent).toMatch(/host bits set; the network address is 10.0.1.0\/24/);
    pressKey(input, 'Enter');
    act(() => { input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })); });
    expect(commits).toEqual([]);
  });

  it('commits valid text once on Enter and clears the error', () => {
    const commits: string[] = [];
    const input = render('10.0.1.0/24', commits);
    typeText(input, '10.0.2.0/24');
    expect(host!.querySelector('[role="alert"]')).toBeNull();
    pressKey(input, 'Enter');
    expect(commits).toEqual(['10.0.2.0/24']);
  });

  it('Escape restores the document value', () => {
    const commits: string[] = [];
    const input = render('10.0.1.0/24', commits);
    typeText(input, 'garbage');
    pressKey(input, 'Escape');
    expect(input.value).toBe('10.0.1.0/24');
    expect(commits).toEqual([]);
  });
});
