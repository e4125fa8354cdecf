import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../../shared/model/library';
import { libraryStore } from '../state/library-store';
import { toasts } from '../state/toast-store';
import { errorMessage } from '../util/error-message';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export const SAVE_DELAY_MS = 400;

export interface NoteDraft {
  text: string;
  state: SaveState;
  error: string | undefined;
  change: (text: string) => void;
  /** Saves now (blur, Esc); safe to call at any time. */
  flush: () => void;
  /** Forgets unsaved text for good (the note is being deleted). */
  discard: () => void;
}

/**
 * The editor's own copy of a note. What the user typed is the truth until it is saved: a reload
 * that arrives mid-typing (every save causes one) never replaces unsaved text, and text from the
 * library is taken only when the editor holds nothing unsaved and it is not older than our last save.
 */
export function useNoteDraft(paperId: string, note: Note): NoteDraft {
  const [text, setText] = useState(note.body);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string>();
  const live = useRef({
    draft: note.body,
    /** The text the library holds, as far as we know. */
    saved: note.body,
    savedAt: note.updatedAt,
    timer: undefined as number | undefined,
    saving: false,
    discarded: false,
    mounted: false,
  });
  const noteId = note.id;

  useEffect(() => {
    const draft = live.current;
    if (note.updatedAt < draft.savedAt) return;
    if (note.body === draft.draft) {
      draft.saved = note.body;
      draft.savedAt = note.updatedAt;
      return;
    }
    const unsaved = draft.draft !== draft.saved || draft.timer !== undefined || draft.saving;
    if (unsaved) return;
    draft.draft = note.body;
    draft.saved = note.body;
    draft.savedAt = note.updatedAt;
    setText(note.body);
  }, [note.body, note.updatedAt]);

  const report = useCallback((next: SaveState, message?: string) => {
    if (!live.current.mounted) return;
    setState(next);
    setError(message);
  }, []);

  const saveNow = useCallback(async () => {
    const draft = live.current;
    if (draft.timer !== undefined) {
      window.clearTimeout(draft.timer);
      draft.timer = undefined;
    }
    // A save already running loops until the latest text is stored.
    if (draft.discarded || draft.saving) return;
    if (draft.draft === draft.saved) {
      report(state === 'idle' ? 'idle' : 'saved');
      return;
    }
    draft.saving = true;
    try {
      while (draft.draft !== draft.saved && !draft.discarded) {
        report('saving');
        const body = draft.draft;
        const saved = await libraryStore.saveNote(paperId, noteId, body);
        draft.saved = body;
        draft.savedAt = saved.updatedAt;
        // More typing arrived: its debounce will save again.
        if (draft.timer !== undefined) break;
      }
      report(draft.timer !== undefined ? 'pending' : 'saved');
    } catch (failure) {
      const message = errorMessage(failure);
      if (draft.mounted) report('error', message);
      else toasts.error(`A note could not be saved: ${message}`);
    } finally {
      draft.saving = false;
    }
  }, [paperId, noteId, report, state]);

  const saveRef = useRef(saveNow);
  useEffect(() => {
    saveRef.current = saveNow;
  });

  useEffect(() => {
    const draft = live.current;
    draft.mounted = true;
    const onPageHide = () => void saveRef.current();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      draft.mounted = false;
      // Switching papers unmounts the editor; unsaved text still goes out.
      if (!draft.discarded && (draft.timer !== undefined || draft.draft !== draft.saved)) void saveRef.current();
    };
  }, []);

  const change = useCallback((next: string) => {
    const draft = live.current;
    draft.draft = next;
    setText(next);
    setState('pending');
    setError(undefined);
    if (draft.timer !== undefined) window.clearTimeout(draft.timer);
    draft.timer = window.setTimeout(() => {
      draft.timer = undefined;
      void saveRef.current();
    }, SAVE_DELAY_MS);
  }, []);

  const flush = useCallback(() => void saveRef.current(), []);

  const discard = useCallback(() => {
    const draft = live.current;
    draft.discarded = true;
    if (draft.timer !== undefined) window.clearTimeout(draft.timer);
    draft.timer = undefined;
  }, []);

  return { text, state, error, change, flush, discard };
}
