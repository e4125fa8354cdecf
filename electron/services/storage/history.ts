import { AsyncLocalStorage } from 'node:async_hooks';
import type { Library, Paper } from '../../../shared/model/library';
import { replaceInPlace, type CollectionKey, type LibraryTransaction } from './transaction';

/**
 * One side of a change: each touched paper as it was (or is), undefined where it did not exist,
 * with the place a removed paper had; each touched collection's whole value.
 */
export interface HistorySide {
  papers: Map<string, { paper: Paper | undefined; index?: number }>;
  collections: Map<CollectionKey, unknown>;
}

/** A change that Undo can take back and Redo can make again. */
export interface HistoryStep {
  label: string;
  /** The API call that made it: the transactions of one call are one step. */
  callId: number;
  before: HistorySide;
  after: HistorySide;
}

/** The API call a transaction runs in (set by dispatch), which is what makes a change undoable. */
export interface ApiCallContext {
  method: string;
  callId: number;
}
export const apiCallContext = new AsyncLocalStorage<ApiCallContext>();

/** Steps kept; older ones drop off the bottom. */
export const HISTORY_LIMIT = 100;
/**
 * Paper copies kept over all steps (before and after each): a bulk change of a large library is
 * big, so old steps go first when this is passed; the newest step is always kept.
 */
export const HISTORY_PAPER_BUDGET = 100_000;

const sizeOf = (step: HistoryStep) => step.before.papers.size + step.after.papers.size;

/** The library before and after `tx`, taken just after it ran (before anything else can change it). */
export function stepOf(tx: LibraryTransaction, library: Library, byId: ReadonlyMap<string, Paper>): { before: HistorySide; after: HistorySide } {
  const { originals, removed, collectionOriginals } = tx.touched();
  const before: HistorySide = { papers: new Map(), collections: new Map() };
  const after: HistorySide = { papers: new Map(), collections: new Map() };
  for (const [id, original] of originals) {
    const gone = removed.get(id);
    before.papers.set(id, { paper: original === undefined ? undefined : structuredClone(original), ...(gone ? { index: gone.index } : {}) });
    const now = byId.get(id);
    after.papers.set(id, { paper: now ? structuredClone(now) : undefined });
  }
  for (const [id, { paper, index }] of removed) {
    if (before.papers.has(id)) continue;
    before.papers.set(id, { paper: structuredClone(paper), index });
    after.papers.set(id, { paper: undefined });
  }
  for (const [key, original] of collectionOriginals) {
    before.collections.set(key, original);
    after.collections.set(key, structuredClone(library[key]));
  }
  return { before, after };
}

/** Two steps of one API call as one: the first's before, the second's after. */
export function mergeSteps(first: HistoryStep, second: HistoryStep): HistoryStep {
  const before: HistorySide = { papers: new Map(second.before.papers), collections: new Map(second.before.collections) };
  for (const [id, value] of first.before.papers) before.papers.set(id, value);
  for (const [key, value] of first.before.collections) before.collections.set(key, value);
  const after: HistorySide = { papers: new Map(first.after.papers), collections: new Map(first.after.collections) };
  for (const [id, value] of second.after.papers) after.papers.set(id, value);
  for (const [key, value] of second.after.collections) after.collections.set(key, value);
  return { label: first.label, callId: first.callId, before, after };
}

/**
 * Makes the library hold `state` for the papers and collections it names. Papers put back are
 * stamped `now` (and so are notes whose text changes): an undo is a change like any other, and
 * views refresh a paper, or a note's text, only when its time is newer than what they show.
 */
export function applyState(tx: LibraryTransaction, state: HistorySide, now: string): void {
  const toRemove: string[] = [];
  const toAdd: Array<{ paper: Paper; index: number | undefined }> = [];
  for (const [id, { paper, index }] of state.papers) {
    if (!paper) {
      if (tx.has(id)) toRemove.push(id);
    } else if (tx.has(id)) {
      const current = tx.paper(id);
      const restored = structuredClone(paper);
      restored.notes = restored.notes.map((note) => (current.notes.find((shown) => shown.id === note.id)?.body === note.body ? note : { ...note, updatedAt: now }));
      replaceInPlace(current, { ...restored, updatedAt: now });
    } else {
      toAdd.push({ paper: { ...structuredClone(paper), updatedAt: now }, index });
    }
  }
  if (toRemove.length > 0) tx.removePapers(toRemove);
  // Back in their old places, lowest first, so each index means what it meant then.
  toAdd.sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
  for (const { paper, index } of toAdd) tx.insertPaper(paper, index);
  for (const [key, value] of state.collections) tx.replaceCollection(key, structuredClone(value) as Library[typeof key]);
}

/** Undo and redo stacks of one open library (they go with it when another is opened). */
export class LibraryHistory {
  private readonly done: HistoryStep[] = [];
  private readonly undone: HistoryStep[] = [];

  record(step: HistoryStep): void {
    const last = this.done.at(-1);
    if (last && last.callId === step.callId) this.done[this.done.length - 1] = mergeSteps(last, step);
    else this.done.push(step);
    this.undone.length = 0;
    let papers = this.done.reduce((total, kept) => total + sizeOf(kept), 0);
    while (this.done.length > 1 && (this.done.length > HISTORY_LIMIT || papers > HISTORY_PAPER_BUDGET)) {
      papers -= sizeOf(this.done.shift() as HistoryStep);
    }
  }

  state(): { undo?: string; redo?: string } {
    const undo = this.done.at(-1)?.label;
    const redo = this.undone.at(-1)?.label;
    return { ...(undo !== undefined ? { undo } : {}), ...(redo !== undefined ? { redo } : {}) };
  }

  takeUndo(): HistoryStep | undefined {
    return this.done.pop();
  }

  takeRedo(): HistoryStep | undefined {
    return this.undone.pop();
  }

  /** After an undo has been applied (or failed: `back` puts it where it was). */
  undoneStep(step: HistoryStep): void {
    this.undone.push(step);
  }

  redoneStep(step: HistoryStep): void {
    this.done.push(step);
  }

  putBackUndo(step: HistoryStep): void {
    this.done.push(step);
  }

  putBackRedo(step: HistoryStep): void {
    this.undone.push(step);
  }
}
