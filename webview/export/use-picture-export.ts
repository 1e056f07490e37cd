// Answers the host's exportDiagram: the core's picture of the design and its findings, as SVG or PNG (export/canvas-picture).
import { useCallback } from 'react';
import type { Finding } from '../../src/core/rules/rule';
import type { HostChannel } from '../host/host-channel';
import type { PageTools } from '../state/page-tools';
import { canvasPicture } from './canvas-picture';

export function usePictureExport(channel: HostChannel, { designRef, say }: Pick<PageTools, 'designRef' | 'say'>, findingsRef: { readonly current: readonly Finding[] }) {
  return useCallback(async (requestId: number, format: 'svg' | 'png') => {
    try {
      const data = await canvasPicture(designRef.current, findingsRef.current, format);
      channel.post({ type: 'diagramExported', requestId, format, data });
    } catch (e) {
      channel.log('error', `diagram export failed: ${e instanceof Error ? e.message : String(e)}`);
      say('Picture export failed.', 'error');
    }
  }, [channel, designRef, findingsRef, say]);
}
