// Keeps the address plan the host last sent (the pools, reserved and on-premises ranges of ppvnet.config.json),
// checked with parseAddressPlanMessage before the page believes any of it.
import { useEffect, useState } from 'react';
import { parseAddressPlanMessage, type AddressPlanMessage } from '../../src/core/protocol/messages';
import type { HostChannel } from '../host/host-channel';
import { sameJson } from '../state/same-json';

/** Undefined until the host's first `addressPlan`; a refused message is kept as such, never as an empty plan. */
export type AddressPlanView =
  | { readonly status: 'ok'; readonly plan: AddressPlanMessage }
  | { readonly status: 'refused'; readonly error: string };

export function useAddressPlan(channel: HostChannel): AddressPlanView | undefined {
  const [view, setView] = useState<AddressPlanView | undefined>();
  useEffect(() => {
    const off = channel.onMessage((m) => {
      if (m.type !== 'addressPlan') return;
      const r = parseAddressPlanMessage(m);
      if (!r.ok) channel.log('warn', r.error);
      // The same plan again (a config change elsewhere in the file) keeps its object: the map is not laid out anew.
      setView((old) => (r.ok ? (old?.status === 'ok' && sameJson(old.plan, r.message) ? old : { status: 'ok', plan: r.message }) : { status: 'refused', error: r.error }));
    });
    return () => {
      off();
    };
  }, [channel]);
  return view;
}
