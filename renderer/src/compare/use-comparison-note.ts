import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onEvent } from '../api/client';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

/** A pause in typing this long saves the note. */
const SAVE_AFTER_MS = 500;

export type NoteState = 'loading' | 'saved' | 'editing' | 'saving' | 'failed';

/**
 * The comparison note of a set of papers: loaded with the set, saved as you type (after a pause,
 * and at once when the view closes), one note per set whatever the order of the papers.
 */
export function useComparisonNote(paperIds: readonly string[], readOnly: boolean): { note: string; state: NoteState; setNote: (note: string) => void } {
  const idsKey = paperIds.join('\u0000');
  const [note, setNoteState] = useState('');
  const [state, setState] = useState<NoteState>('loading');
  const pending = useRef<{ ids: string[]; note: string } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    const wanted = pending.current;
    if (!wanted) return;
    pending.current = undefined;
    setState('saving');
    call('comparisons.save', { paperIds: wanted.ids, note: wanted.note })
      .then(() => setState((now) => (now === 'saving' ? 'saved' : now)))
      .catch((error: unknown) => {
        setState('failed');
        toasts.error(`The comparison note was not saved: ${errorMessage(error)}`);
      });
  }, []);

  useEffect(() => {
    const ids = idsKey.split('\u0000');
    if (ids.length < 2) return;
    let current = true;
    setState('loading');
    call('comparisons.get', { paperIds: ids })
      .then(({ comparison }) => {
        if (!current) return;
        setNoteState(comparison?.note ?? '');
        setState('saved');
      })
      .catch(() => {
        if (current) setState('saved');
      });
    return () => {
      current = false;
      flush();
    };
  }, [idsKey, flush]);

  // Undo and Redo can change the note behind the editor: show what the library holds now.
  useEffect(() => {
    const ids = idsKey.split('\u0000');
    if (ids.length < 2) return;
    return onEvent('library.changed', ({ reason }) => {
      if (reason !== 'undo' && reason !== 'redo') return;
      call('comparisons.get', { paperIds: ids }).then(
        ({ comparison }) => setNoteState(comparison?.note ?? ''),
        () => undefined,
      );
    });
  }, [idsKey]);

  const setNote = useCallback(
    (next: string) => {
      if (readOnly) return;
      setNoteState(next);
      setState('editing');
      pending.current = { ids: idsKey.split('\u0000'), note: next };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [idsKey, readOnly, flush],
  );
  return { note, state, setNote };
}
