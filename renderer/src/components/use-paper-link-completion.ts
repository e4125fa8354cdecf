import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { call } from '../api/client';
import { libraryStore, summaryOf } from '../state/library-store';
import { paperLinkQueryAt, type PaperLinkQuery } from '../util/paper-link';

/** How many papers the `[[` list offers. */
export const PAPER_LINK_CHOICES = 8;
/** Typing pauses this long before a search goes out (one search per pause, not per key). */
const SEARCH_DELAY_MS = 60;

export interface PaperLinkCompletion {
  /** The open `[[…` at the caret, or undefined when none is (the list is closed). */
  query: PaperLinkQuery | undefined;
  choices: readonly PaperSummary[];
  active: number;
  /** The choices answer what is typed now; until they do, Enter must not pick one of an older answer. */
  fresh: boolean;
  /** A search for the typed text is on its way. */
  searching: boolean;
  /** Call after every change of the text or the caret. */
  update: (text: string, caret: number) => void;
  move: (step: 1 | -1) => void;
  close: () => void;
  /** Esc: closes the list, which then stays closed for this `[[` until the caret leaves it. */
  dismiss: () => void;
}

/**
 * `[[` in a note: the papers whose title, authors or words match what follows it, found by the
 * main side's search (`search.query`), newest answer only. With nothing typed yet, the papers added last.
 */
export function usePaperLinkCompletion(paperId: string): PaperLinkCompletion {
  const [query, setQuery] = useState<PaperLinkQuery>();
  /** The newest answer and the text it answers. */
  const [answer, setAnswer] = useState<{ text: string; papers: readonly PaperSummary[] }>({ text: '', papers: [] });
  const [active, setActive] = useState(0);
  const [searching, setSearching] = useState(false);
  /** Bumped per request: an answer to an older one is dropped. */
  const sequence = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  /** After Esc, the same `[[` stays closed until the user types past it. */
  const dismissed = useRef<number | undefined>(undefined);
  const searched = useRef<string | undefined>(undefined);

  const search = useCallback(
    (text: string) => {
      if (searched.current === text) return;
      searched.current = text;
      window.clearTimeout(timer.current);
      const ticket = ++sequence.current;
      const others = (papers: readonly PaperSummary[]) => papers.filter((paper) => paper.id !== paperId).slice(0, PAPER_LINK_CHOICES);
      if (text.trim() === '') {
        setSearching(false);
        setAnswer({ text, papers: others(libraryStore.getSnapshot().papers.slice(0, PAPER_LINK_CHOICES + 1)) });
        setActive(0);
        return;
      }
      setSearching(true);
      timer.current = window.setTimeout(() => {
        void call('search.query', { query: text, limit: PAPER_LINK_CHOICES + 1 })
          .then((found) => {
            if (ticket !== sequence.current) return;
            const snapshot = libraryStore.getSnapshot();
            setAnswer({ text, papers: others(found.results.flatMap((hit) => summaryOf(snapshot, hit.id) ?? [])) });
            setActive(0);
          })
          .catch(() => {
            if (ticket === sequence.current) setAnswer({ text, papers: [] });
          })
          .finally(() => {
            if (ticket === sequence.current) setSearching(false);
          });
      }, SEARCH_DELAY_MS);
    },
    [paperId],
  );

  const close = useCallback(() => {
    sequence.current += 1;
    searched.current = undefined;
    window.clearTimeout(timer.current);
    setQuery(undefined);
    setSearching(false);
  }, []);

  const update = useCallback(
    (text: string, caret: number) => {
      const next = paperLinkQueryAt(text, caret);
      if (!next || next.start === dismissed.current) {
        if (!next) dismissed.current = undefined;
        if (query) close();
        return;
      }
      if (query?.start !== next.start || query.text !== next.text) setQuery(next);
      search(next.text);
    },
    [query, close, search],
  );

  const choices = answer.papers;
  const move = useCallback((step: 1 | -1) => setActive((index) => (choices.length === 0 ? 0 : (index + step + choices.length) % choices.length)), [choices.length]);

  const dismiss = useCallback(() => {
    dismissed.current = query?.start;
    close();
  }, [query, close]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const fresh = query !== undefined && answer.text === query.text;
  return { query, choices, active, fresh, searching, update, move, close, dismiss };
}
