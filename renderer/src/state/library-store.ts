import type { EventPayload, LibraryInfo, MethodInput, MethodOutput, PaperSummary, TagSummary } from '../../../shared/api/contract';
import type { Note, ReadStatus } from '../../../shared/model/library';
import { call, onEvent, onReconnect } from '../api/client';
import { errorMessage } from '../util/error-message';
import { paperCache } from './paper-cache';
import { saveStatus } from './save-status-store';
import { toasts } from './toast-store';
import { libraryOrder } from './visible-papers';

export type LoadPhase = 'loading' | 'loaded' | 'unreachable';

export interface LibrarySnapshot {
  phase: LoadPhase;
  info?: LibraryInfo;
  /** Every paper's summary, newest added first. Whole papers come from the paper cache. */
  papers: readonly PaperSummary[];
  /** Where each paper is in `papers`. A new map only when the order changes, not on every edit. */
  index: ReadonlyMap<string, number>;
  /** Every tag with the number of papers that carry it, as the main side counts them. */
  tags: readonly TagSummary[];
  /** Why the first load failed; once something has loaded, later failures become toasts instead. */
  loadError?: string;
}

export function summaryOf(library: Pick<LibrarySnapshot, 'papers' | 'index'>, id: string): PaperSummary | undefined {
  const position = library.index.get(id);
  return position === undefined ? undefined : library.papers[position];
}

type Listener = () => void;

/** papers.list by id takes this many ids per call, so no single answer is slow to parse. */
const LIST_CHUNK = 1000;
/** A large library's first answer: enough to fill the list, small enough to arrive at once. */
const FIRST_PAGE = 500;
/** The older papers behind it come in pages of this many (about 2.5 MB each). */
const LIST_PAGE = 5000;
/** Up to this many changed papers (or half the library, if more) are fetched by id; beyond, one full reload. */
const TARGETED_LIMIT = 2000;
/** The library as a whole changed: every summary and tag is reloaded. */
const FULL_RELOAD_REASONS = new Set(['sample-opened', 'library-opened', 'backup-restored', 'external-change', 'library-failed']);
/** Changes to tags as such (rename, color, pin, delete): the tag list is fetched again with the papers they name. */
const TAG_LIST_REASONS = new Set(['tag-renamed', 'tag-color', 'tag-pinned', 'tag-deleted', 'tag-restored']);
/** Another library state replaced the one whose saves may have failed. */
const NEW_STATE_REASONS = new Set(['library-opened', 'backup-restored']);

interface MutationOptions {
  /** The papers the change is about: fetched again if it fails, since the main side may have kept it. */
  paperIds: readonly string[];
  /** The change is shown in the cached whole papers (notes), not only in the summaries. */
  wholePapers?: boolean;
  /** Shows the change at once; the main side's answer then confirms or corrects it. */
  optimistic?: () => void;
}

/**
 * The open library as the renderer sees it: summaries of every paper, kept current by
 * `library.changed` (the papers it names are fetched again and patched in place; a change to the
 * whole library reloads it), with every change the user makes going out through `call`.
 *
 * One loop fetches: it waits while a change of ours is on its way, and throws away an answer that
 * raced one, so the UI never steps back to data older than an edit it has already shown.
 */
export class LibraryStore {
  private snapshot: LibrarySnapshot = { phase: 'loading', papers: [], index: new Map(), tags: [] };
  private readonly listeners = new Set<Listener>();
  /** Each paper's position in the main side's list: the tie-break for papers added at the same time. */
  private rank = new Map<string, number>();
  private nextRank = 0;
  private fullWanted = false;
  /** Bumped by each reload request; a finished full load settles the requests made before it began. */
  private requested = 0;
  private waiters: Array<{ ticket: number; epoch: number; resolve: () => void }> = [];
  /** The mutation epoch the running full load began at. */
  private loadingEpoch: number | undefined;
  private readonly staleIds = new Set<string>();
  /** The tag list changed without (only) papers changing: a color or a pin. */
  private tagsStale = false;
  private syncing: Promise<void> | undefined;
  private mutationsInFlight = 0;
  /** Bumped when a change starts and when it ends; an answer that saw a different epoch is stale. */
  private mutationEpoch = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LibrarySnapshot => this.snapshot;

  /** Loads the library and follows its changes; returns the function that stops following. */
  start(): () => void {
    void this.reload();
    const stops = [
      onEvent('library.changed', (event) => this.onChanged(event)),
      onEvent('library.saveState', (event) => saveStatus.report(event)),
      onEvent('library.notice', (event) => toasts.show(event.level, event.message)),
      // Events sent while the connection was down are lost; catch up with one reload.
      onReconnect(() => void this.reload()),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }

  /** Reloads everything; resolves once a load that began after this call has finished. */
  reload(): Promise<void> {
    this.requested += 1;
    const ticket = this.requested;
    this.fullWanted = true;
    const settled = new Promise<void>((resolve) => this.waiters.push({ ticket, epoch: Infinity, resolve }));
    this.kick();
    return settled;
  }

  /**
   * After a change of ours that replaced the library (sample, another library, a backup): any full
   * load that began after it is enough, so the one its own event started is not repeated.
   */
  private reloadAfterChange(): Promise<void> {
    const epoch = this.mutationEpoch;
    const settled = new Promise<void>((resolve) => this.waiters.push({ ticket: Infinity, epoch, resolve }));
    if (this.loadingEpoch !== epoch) {
      this.fullWanted = true;
      this.kick();
    }
    return settled;
  }

  private onChanged({ reason, paperIds }: EventPayload<'library.changed'>): void {
    // Saved searches hold no paper or tag: their own store follows them.
    if (reason === 'saved-searches') return;
    if (NEW_STATE_REASONS.has(reason)) saveStatus.reset();
    if (TAG_LIST_REASONS.has(reason)) this.tagsStale = true;
    const limit = Math.max(TARGETED_LIMIT, this.snapshot.papers.length / 2);
    if (!paperIds || paperIds.length > limit || FULL_RELOAD_REASONS.has(reason) || this.snapshot.phase !== 'loaded') {
      void this.reload();
      return;
    }
    for (const id of paperIds) this.staleIds.add(id);
    this.kick();
  }

  private kick(): void {
    if (this.syncing || this.mutationsInFlight > 0) return;
    this.syncing = this.sync().finally(() => {
      this.syncing = undefined;
      // Work that arrived as the loop was finishing.
      if (this.fullWanted || this.staleIds.size > 0 || this.tagsStale) this.kick();
    });
  }

  private async sync(): Promise<void> {
    while (this.mutationsInFlight === 0) {
      if (this.fullWanted) {
        this.fullWanted = false;
        this.staleIds.clear();
        await this.loadAll();
      } else if (this.staleIds.size > 0 || this.tagsStale) {
        const ids = [...this.staleIds];
        this.staleIds.clear();
        this.tagsStale = false;
        await this.loadSome(ids);
      } else {
        return;
      }
    }
  }

  private async loadAll(): Promise<void> {
    const epoch = this.mutationEpoch;
    const ticket = this.requested;
    this.loadingEpoch = epoch;
    const raced = () => epoch !== this.mutationEpoch || this.mutationsInFlight > 0;
    try {
      const info = await call('library.info', {});
      let list: { papers: PaperSummary[]; tags: TagSummary[] } = { papers: [], tags: [] };
      if (info.state === 'ready' && info.paperCount > FIRST_PAGE * 2) {
        // A large library shows its newest papers first and fetches the older ones behind them,
        // a page at a time: no one answer is slow to parse, and the list appears at once.
        const first = await call('papers.list', { page: { offset: Math.max(0, info.paperCount - FIRST_PAGE), limit: FIRST_PAGE } });
        if (raced()) {
          this.fullWanted = true;
          this.loadingEpoch = undefined;
          return;
        }
        const firstOffset = Math.max(0, first.total - first.papers.length);
        this.showLoaded(info, first.papers, first.tags, firstOffset);
        const pages: PaperSummary[][] = [first.papers];
        for (let end = firstOffset; end > 0; end -= LIST_PAGE) {
          const offset = Math.max(0, end - LIST_PAGE);
          const page = await call('papers.list', { page: { offset, limit: end - offset } });
          if (raced()) {
            this.fullWanted = true;
            this.loadingEpoch = undefined;
            return;
          }
          pages.unshift(page.papers);
          list = { papers: [], tags: page.tags };
        }
        list = { papers: pages.flat(), tags: list.tags.length > 0 ? list.tags : first.tags };
      } else if (info.state === 'ready') {
        list = await call('papers.list', {});
      }
      if (raced()) {
        this.fullWanted = true;
        this.loadingEpoch = undefined;
        return;
      }
      this.showLoaded(info, list.papers, list.tags, 0);
    } catch (error) {
      if (this.snapshot.phase === 'loaded') toasts.error(errorMessage(error));
      else this.set({ phase: 'unreachable', papers: [], index: new Map(), tags: [], loadError: errorMessage(error) });
    }
    this.loadingEpoch = undefined;
    const done = (waiter: { ticket: number; epoch: number }) => waiter.ticket <= ticket || waiter.epoch <= epoch;
    const settled = this.waiters.filter(done);
    this.waiters = this.waiters.filter((waiter) => !done(waiter));
    for (const waiter of settled) waiter.resolve();
  }

  /** Shows summaries that start at `offset` in the main side's list (a first page, or all of them). */
  private showLoaded(info: LibraryInfo, summaries: readonly PaperSummary[], tags: readonly TagSummary[], offset: number): void {
    this.rank = new Map(summaries.map((paper, position) => [paper.id, offset + position]));
    this.nextRank = offset + summaries.length;
    const { papers, index } = libraryOrder(summaries, this.rank);
    this.set({ phase: 'loaded', info, papers, index, tags: [...tags] });
  }

  /** Fetches the summaries of these papers, a chunk per call, and patches them in with one update. */
  private async loadSome(ids: readonly string[]): Promise<void> {
    const epoch = this.mutationEpoch;
    const found: PaperSummary[] = [];
    let tags: TagSummary[] | undefined;
    try {
      // No ids: only the tag list is wanted (papers.list answers it with every call).
      if (ids.length === 0) tags = (await call('papers.list', { ids: [] })).tags;
      for (let start = 0; start < ids.length; start += LIST_CHUNK) {
        const list = await call('papers.list', { ids: ids.slice(start, start + LIST_CHUNK) });
        for (const paper of list.papers) found.push(paper);
        tags = list.tags;
      }
    } catch (error) {
      // The next change, or a reload, asks again; a failed library announces itself with an event.
      toasts.error(errorMessage(error));
      return;
    }
    if (epoch !== this.mutationEpoch || this.mutationsInFlight > 0) {
      for (const id of ids) this.staleIds.add(id);
      if (ids.length === 0) this.tagsStale = true;
      return;
    }
    this.applySummaries(ids, found, tags);
  }

  private applySummaries(ids: readonly string[], found: readonly PaperSummary[], tags: TagSummary[] | undefined): void {
    const { index, info } = this.snapshot;
    let papers = [...this.snapshot.papers];
    let nextIndex = index;
    let reorder = false;
    for (const summary of found) {
      const position = index.get(summary.id);
      // The list is ordered by addedAt, which edits never change; a new paper needs a place found.
      if (position !== undefined && papers[position]?.addedAt === summary.addedAt) papers[position] = summary;
      else reorder = true;
    }
    const returned = new Set(found.map((summary) => summary.id));
    const removed = new Set(ids.filter((id) => !returned.has(id) && index.has(id)));
    if (reorder || removed.size > 0) {
      const byId = new Map(papers.map((paper) => [paper.id, paper]));
      for (const summary of found) {
        if (!this.rank.has(summary.id)) this.rank.set(summary.id, this.nextRank++);
        byId.set(summary.id, summary);
      }
      for (const id of removed) byId.delete(id);
      ({ papers, index: nextIndex } = libraryOrder([...byId.values()], this.rank));
    }
    const nextInfo = info && { ...info, paperCount: papers.length, isEmpty: info.state === 'ready' && papers.length === 0 };
    this.set({ ...this.snapshot, ...(nextInfo ? { info: nextInfo } : {}), papers, index: nextIndex, tags: tags ?? this.snapshot.tags });
  }

  private set(next: LibrarySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Replaces the given papers' summaries in place (an optimistic change). */
  private patchSummaries(ids: Iterable<string>, change: (paper: PaperSummary) => PaperSummary): void {
    const { index } = this.snapshot;
    const papers = [...this.snapshot.papers];
    for (const id of ids) {
      const position = index.get(id);
      const paper = position === undefined ? undefined : papers[position];
      if (position !== undefined && paper) papers[position] = change(paper);
    }
    this.set({ ...this.snapshot, papers });
  }

  /** Changes a tag's count by `delta`, adding or dropping the tag as it gains its first or loses its last paper. */
  private adjustTagCount(name: string, delta: number): void {
    const tags = this.snapshot.tags
      .map((tag) => (tag.name === name ? { ...tag, count: tag.count + delta } : tag))
      .filter((tag) => tag.count > 0 || tag.pinned !== undefined);
    if (delta > 0 && !this.snapshot.tags.some((tag) => tag.name === name)) tags.push({ name, count: delta });
    this.set({ ...this.snapshot, tags });
  }

  /** Runs one change; a failure fetches the truth about its papers again. Throws on failure. */
  private async mutate<T>(run: () => Promise<T>, options: MutationOptions): Promise<T> {
    const { paperIds, wholePapers = false, optimistic } = options;
    this.mutationsInFlight += 1;
    this.mutationEpoch += 1;
    saveStatus.sendingChanged(1);
    if (wholePapers) for (const id of paperIds) paperCache.beginChange(id);
    optimistic?.();
    try {
      return await run();
    } catch (error) {
      // The change may have been refused, or (a save that failed) kept in memory: ask what is true.
      for (const id of paperIds) this.staleIds.add(id);
      if (wholePapers) for (const id of paperIds) paperCache.invalidate(id);
      throw error;
    } finally {
      this.mutationsInFlight -= 1;
      this.mutationEpoch += 1;
      saveStatus.sendingChanged(-1);
      if (wholePapers) for (const id of paperIds) paperCache.endChange(id);
      if (this.mutationsInFlight === 0) this.kick();
    }
  }

  /** Like `mutate`, but a failure becomes a toast and the result `undefined`. */
  private async attempt<T>(run: () => Promise<T>, options: MutationOptions): Promise<T | undefined> {
    try {
      return await this.mutate(run, options);
    } catch (error) {
      toasts.error(errorMessage(error));
      return undefined;
    }
  }

  async setStatus(paperIds: readonly string[], status: ReadStatus): Promise<void> {
    const targets = paperIds.filter((id) => {
      const paper = summaryOf(this.snapshot, id);
      return paper !== undefined && paper.status !== status;
    });
    if (targets.length === 0) return;
    await this.attempt(() => call('papers.updateMany', { paperIds: targets, changes: { status } }), {
      paperIds: targets,
      optimistic: () => this.patchSummaries(targets, (paper) => ({ ...paper, status })),
    });
  }

  /** Resolves to false when the tag was not added (the input then keeps the text). */
  async addTag(paperIds: readonly string[], tag: string): Promise<boolean> {
    const targets = paperIds.filter((id) => summaryOf(this.snapshot, id)?.tags.includes(tag) === false);
    if (targets.length === 0) return paperIds.length > 0;
    const result = await this.attempt(() => call('tags.add', { paperIds: targets, tag }), {
      paperIds: targets,
      optimistic: () => {
        this.patchSummaries(targets, (paper) => ({ ...paper, tags: [...paper.tags, tag] }));
        this.adjustTagCount(tag, targets.length);
      },
    });
    return result !== undefined;
  }

  async removeTag(paperIds: readonly string[], tag: string): Promise<boolean> {
    const targets = paperIds.filter((id) => summaryOf(this.snapshot, id)?.tags.includes(tag) === true);
    if (targets.length === 0) return false;
    const result = await this.attempt(() => call('tags.remove', { paperIds: targets, tag }), {
      paperIds: targets,
      optimistic: () => {
        this.patchSummaries(targets, (paper) => ({ ...paper, tags: paper.tags.filter((name) => name !== tag) }));
        this.adjustTagCount(tag, -targets.length);
      },
    });
    return result !== undefined;
  }

  /** Patches one tag in the list at once (its color or pin); the main side's list then confirms it. */
  private patchTag(name: string, change: (tag: TagSummary) => TagSummary): void {
    this.set({ ...this.snapshot, tags: this.snapshot.tags.map((tag) => (tag.name === name ? change(tag) : tag)) });
  }

  /** Renames a tag (and its nested tags); onto an existing name, the two merge. Undefined when it failed (a toast says why). */
  renameTag(from: string, to: string): Promise<MethodOutput<'tags.rename'> | undefined> {
    return this.attempt(() => call('tags.rename', { from, to }), { paperIds: [] });
  }

  async setTagColor(name: string, color: string | null): Promise<boolean> {
    const result = await this.attempt(() => call('tags.setColor', { name, color }), {
      paperIds: [],
      optimistic: () => this.patchTag(name, ({ color: _old, ...tag }) => (color === null ? tag : { ...tag, color })),
    });
    return result !== undefined;
  }

  /** Pins a tag to a number key (another tag holding it lets go), or unpins it with null. */
  pinTag(name: string, slot: number | null): Promise<MethodOutput<'tags.pin'> | undefined> {
    return this.attempt(() => call('tags.pin', { name, slot }), {
      paperIds: [],
      optimistic: () =>
        this.set({
          ...this.snapshot,
          tags: this.snapshot.tags.map(({ pinned, ...tag }) =>
            tag.name === name ? (slot === null ? tag : { ...tag, pinned: slot }) : pinned === undefined || pinned === slot ? tag : { ...tag, pinned },
          ),
        }),
    });
  }

  /** Deletes a tag and its nested tags everywhere; the answer is what `restoreTags` needs to undo it. */
  deleteTag(name: string): Promise<MethodOutput<'tags.delete'> | undefined> {
    return this.attempt(() => call('tags.delete', { name }), { paperIds: [] });
  }

  async restoreTags(tags: MethodInput<'tags.restore'>['tags']): Promise<boolean> {
    const result = await this.attempt(() => call('tags.restore', { tags }), { paperIds: [] });
    return result !== undefined;
  }

  async addNote(paperId: string, body = ''): Promise<Note | undefined> {
    const result = await this.attempt(
      async () => {
        const { note } = await call('notes.add', { paperId, body });
        paperCache.patch(paperId, (paper) =>
          paper.notes.some((existing) => existing.id === note.id) ? paper : { ...paper, notes: [...paper.notes, note] },
        );
        this.patchSummaries([paperId], (paper) => ({ ...paper, noteCount: paper.noteCount + 1 }));
        return note;
      },
      { paperIds: [paperId], wholePapers: true },
    );
    return result;
  }

  /** Saves a note's text; throws so the editor can say "Not saved" and keep the draft. */
  async saveNote(paperId: string, noteId: string, body: string): Promise<Note> {
    return this.mutate(
      async () => {
        const { note } = await call('notes.update', { paperId, noteId, body });
        paperCache.patch(paperId, (paper) => ({
          ...paper,
          notes: paper.notes.map((existing) => (existing.id === note.id ? note : existing)),
        }));
        return note;
      },
      { paperIds: [paperId], wholePapers: true },
    );
  }

  async deleteNote(paperId: string, noteId: string): Promise<boolean> {
    const result = await this.attempt(() => call('notes.delete', { paperId, noteId }), {
      paperIds: [paperId],
      wholePapers: true,
      optimistic: () => {
        paperCache.patch(paperId, (paper) => ({ ...paper, notes: paper.notes.filter((note) => note.id !== noteId) }));
        this.patchSummaries([paperId], (paper) => ({ ...paper, noteCount: Math.max(0, paper.noteCount - 1) }));
      },
    });
    return result !== undefined;
  }

  /**
   * A change to one paper made by a feature with its own calls (highlights): runs like the changes
   * above, with the paper's whole copy patched by `run`. Throws with the main side's reason.
   */
  changePaper<T>(paperId: string, run: () => Promise<T>, optimistic?: () => void): Promise<T> {
    return this.mutate(run, { paperIds: [paperId], wholePapers: true, ...(optimistic ? { optimistic } : {}) });
  }

  async openSample(): Promise<void> {
    const result = await this.attempt(() => call('library.openSample', {}), { paperIds: [] });
    if (result) {
      toasts.info(`Opened the sample library: ${result.added} ${result.added === 1 ? 'paper' : 'papers'}`);
      await this.reloadAfterChange();
    }
  }

  async chooseAndOpen(): Promise<void> {
    const result = await this.attempt(() => call('library.chooseAndOpen', {}), { paperIds: [] });
    if (result?.opened) await this.reloadAfterChange();
  }

  /**
   * Applies an import preview in one library write; throws with the main side's reason. The new and
   * merged papers arrive like any other change, through `library.changed`.
   */
  commitImport(input: MethodInput<'import.commit'>): Promise<MethodOutput<'import.commit'>> {
    return this.mutate(() => call('import.commit', input), { paperIds: [] });
  }

  /** Replaces the library with a backup and loads it; throws with the main side's reason. */
  async restoreBackup(id: string): Promise<MethodOutput<'backups.restore'>> {
    const result = await this.mutate(() => call('backups.restore', { id }), { paperIds: [] });
    saveStatus.reset();
    await this.reloadAfterChange();
    return result;
  }
}

export const libraryStore = new LibraryStore();
