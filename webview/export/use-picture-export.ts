// Answers the host's exportDiagram: the canvas as drawn, as SVG or PNG (export/canvas-picture).
import { useCallback } from 'react';
import type { HostChannel } from '../host/host-channel';
import type { PageTools } from '../state/page-tools';
import { canvasPicture } from './canvas-picture';

export function usePictureExport(channel: HostChannel, { flow, designRef, say }: Pick<PageTools, 'flow' | 'designRef' | 'say'>) {
  return useCallback(async (requestId: number, format: 'svg' | 'png') => {
    try {
      const data = await canvasPicture(designRef.current, flow.getNodes(), format);
      channel.post({ type: 'diagramExported', requestId, format, data });
    } catch (e) {
      channel.log('error', `diagram export failed: ${e instanceof Error ? e.message : String(e)}`);
      say('Picture export failed.', 'error');
    }
  }, [channel, designRef, flow, say]);
}
