// @vitest-environment jsdom
// mount() leaves nothing behind: the tree a test mounts is unmounted (its effects cleaned up) and its host
// detached when that test ends, so no webview test sees the previous one's DOM or listeners.
import { mount } from './webview-jsdom';
import { createElement, useEffect } from 'react';
import { describe, expect, it } from 'vitest';

const live = new Set<string>();
function Tracked({ name }: { name: string }) {
  useEffect(() => {
    live.add(name);
    return () => { live.delete(name); };
  }, [name]);
  return createElement('p', null, name);
}

describe('mount', () => {
  it('renders into an attached host and re-renders into the same one', () => {
    const first = mount(createElement(Tracked, { name: 'a' }));
    mount(createElement(Tracked, { name: 'b' }));
    expect(first.host.isConnected).toBe(true);
    expect(first.host.textContent).toBe('a');
    first.render(createElement(Tracked, { name: 'c' }));
    expect(first.host.textContent).toBe('c');
    expect([...live].sort()).toEqual(['b', 'c']);
  });

  it('has unmounted and detached every tree of the test before', () => {
    expect(live.size).toBe(0);
    expect(document.body.childElementCount).toBe(0);
  });

  it('unmounts on demand, and once', () => {
    const tree = mount(createElement(Tracked, { name: 'd' }));
    tree.unmount();
    expect(live.size).toBe(0);
    expect(tree.host.isConnected).toBe(false);
    expect(() => tree.unmount()).not.toThrow();
  });
});
