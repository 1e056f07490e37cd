// Holds what the host last sent (the document state and its version) and applies edits optimistically:
// the edit is applied locally for an instant response, sent to the host, and the host's next documentChanged
// replaces the local state either way, keeping the local design object when the host's is the same. The local
// check covers only what the edit changed (the host re-checks the whole design), so a keystroke in the
// inspector costs the same at 10 or 10,000 elements.
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyEditIncrementally, type DesignEdit } from '../../src/core/model/design-edits';
import type { LoadError } from '../../src/core/model/load-design';
import type { Design } from '../../src/core/model/schema';
import type { DesignerSettings, HostToWebview } from '../../src/core/protocol/messages';
import type { Finding } from '../../src/core/rules/rule';
import type { HostChannel } from '../host/host-channel';
import { markEach, markOnce } from '../host/perf-marks';
import { sameJson } from './same-json';

export type DocumentView =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly design: Design; readonly findings: readonly Finding[] }
  | { readonly status: 'error'; readonly errors: readonly LoadError[] };

export interface DocumentHandle {
  readonly view: DocumentView;
  readonly fileName: string;
  readonly settings: DesignerSettings;
  /** Sends one edit; refused locally (with the reason) when it would not apply, or when the document does not load. */
  edit(label: string, edit: DesignEdit): string | undefined;
}

export function useDocument(channel: HostChannel, onOther: (m: HostToWebview) => void, onError: (message: string) => void): DocumentHandle {
  const [view, setView] = useState<DocumentView>({ status: 'loading' });
  const [fileName, setFileName] = useState('');
  const [settings, setSettings] = useState<DesignerSettings>({ readOnly: false, validationDelayMs: 300 });
  const viewRef = useRef(view);
  viewRef.current = view;
  const otherRef = useRef(onOther);
  otherRef.current = onOther;
  const errorRef = useRef(onError);
  errorRef.current = onError;

  useEffect(() => {
    const off = channel.onMessage((m) => {
      switch (m.type) {
        case 'init':
          markOnce('init-received', m.state.ok ? { elements: m.state.design.elements.length, relations: m.state.design.relations.length, findings: m.state.findings.length } : { errors: m.state.errors.length });
          setFileName(m.fileName);
          setSettings(m.settings);
          setView(toView(m.state));
          break;
        case 'documentChanged': {
          markEach('document-changed', { version: m.version });
          const current = viewRef.current;
          // The answer to our own edit holds the design we already show: keep that object, so only the
          // findings change and the canvas is not rebuilt from a copy of what it draws.
          const next = current.status === 'ok' && m.state.ok && sameJson(current.design, m.state.design)
            ? { status: 'ok' as const, design: current.design, findings: m.state.findings }
            : toView(m.state);
          viewRef.current = next;
          setView(next);
          break;
        }
        case 'editResult':
          if (!m.ok) errorRef.current(m.error ?? 'The edit was refused.');
          break;
        default:
          otherRef.current(m);
      }
    });
    channel.ready();
    return off;
  }, [channel]);

  const edit = useCallback((label: string, e: DesignEdit): string | undefined => {
    const current = viewRef.current;
    if (current.status !== 'ok') return 'The document does not load; fix it as text first.';
    if (settings.readOnly) return 'This design is read-only.';
    const result = applyEditIncrementally(current.design, e);
    if (!result.ok) return result.error;
    markEach('edit-sent', { label });
    channel.edit(label, e);
    const next: DocumentView = { status: 'ok', design: result.design, findings: current.findings };
    viewRef.current = next;
    setView(next);
    // The frame after the optimistic render: until then the page cannot even read the host's answer.
    requestAnimationFrame(() => setTimeout(() => markEach('edit-painted', { label }), 0));
    return undefined;
  }, [channel, settings.readOnly]);

  return { view, fileName, settings, edit };
}

function toView(state: { ok: true; design: Design; findings: readonly Finding[] } | { ok: false; errors: readonly LoadError[] }): DocumentView {
  return state.ok ? { status: 'ok', design: state.design, findings: state.findings } : { status: 'error', errors: state.errors };
}
