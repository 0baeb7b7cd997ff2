import { useCallback, useEffect, useRef } from 'react';
import type { MessageFilterInput, ReadProgress, StartPosition } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { useCurrentMessageStream } from './message-stream-store';
import { resumePositions } from './progress';

export interface ReadTarget {
  connectionId: string;
  topic: string;
  partitions: number[] | null;
  filter: MessageFilterInput;
}

const newRunId = (kind: string) => `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Starts and stops the reads of one messages view: a ranged read (`messages.search`) or a live
 * tail (`messages.tail`); one at a time, cancelled when the view goes away. Pausing a tail
 * cancels it in main and remembers each partition's position; resuming continues from there,
 * so nothing written meanwhile is missed.
 */
export function useMessageStreamControls() {
  const api = useApi();
  const { store: useMessageStream, latestProgress } = useCurrentMessageStream();
  const controller = useRef<AbortController | null>(null);
  const lastTail = useRef<ReadTarget | null>(null);

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const read = useCallback(
    async (target: ReadTarget, position: StartPosition, limit: number, order: 'newest' | 'oldest', latestPerKey: { tombstones: boolean } | null = null) => {
      stop();
      const runId = newRunId('read');
      const ctl = (controller.current = new AbortController());
      useMessageStream.getState().begin(runId, 'reading', { clear: true, newestFirst: false });
      try {
        // Main pushes only what the buffer will keep, and counts the rest as dropped.
        const keep = useMessageStream.getState().capacity;
        const summary = await api.call('messages.search', { ...target, runId, position, limit, latestPerKey, keep }, { signal: ctl.signal });
        useMessageStream.getState().finish(runId, summary, null, order);
      } catch (error) {
        useMessageStream.getState().finish(runId, null, ctl.signal.aborted ? null : error, order);
      }
    },
    [api, stop, useMessageStream],
  );

  const runTail = useCallback(
    async (target: ReadTarget, resumed: ReadProgress | null) => {
      stop();
      lastTail.current = target;
      const runId = newRunId('tail');
      const ctl = (controller.current = new AbortController());
      const resumeFrom = resumed ? resumePositions(resumed) : null;
      // Resumed: the counts go on from the paused run's, as the kept messages do.
      useMessageStream.getState().begin(runId, 'tailing', { clear: resumed === null, newestFirst: true, carry: resumed });
      try {
        const summary = await api.call('messages.tail', { ...target, runId, resumeFrom }, { signal: ctl.signal });
        useMessageStream.getState().finish(runId, summary, null);
      } catch (error) {
        useMessageStream.getState().finish(runId, null, ctl.signal.aborted ? null : error);
      }
    },
    [api, stop, useMessageStream],
  );

  const tail = useCallback((target: ReadTarget) => runTail(target, null), [runTail]);

  const pause = useCallback(() => {
    useMessageStream.getState().setMode('paused');
    stop();
  }, [stop, useMessageStream]);

  const resume = useCallback(() => {
    const target = lastTail.current;
    const progress = latestProgress();
    if (!target) return;
    void runTail(target, progress);
  }, [runTail, latestProgress]);

  const cancel = useCallback(() => {
    stop();
    useMessageStream.getState().setMode('idle');
  }, [stop, useMessageStream]);

  return { read, tail, pause, resume, cancel };
}
