import { readFile } from 'node:fs/promises';
import type { LibraryInfo, PaperChanges, PaperSummary, TagSummary } from '../../shared/api/contract';
import { librarySchema, type Note, type Paper } from '../../shared/model/library';
import { tagAncestors } from '../../shared/model/nested-tags';
import { reviewTableMarkdown } from '../../shared/export/markdown-table';
import { customColumnKey, type CustomColumnKey, type ReviewColumnId } from '../../shared/export/review-columns';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export interface LibraryServiceDeps {
  store: LibraryStore;
  /** The sample library shipped in resources/. */
  sampleLibraryPath: string;
  now: () => Date;
  newId: () => string;
  /** Told after every change that reached the disk. */
  onChanged: (reason: string, paperIds?: string[]) => void;
}

/** Papers, tags and notes: every change a user makes to the library's content. */
export class LibraryService {
  constructor(private readonly deps: LibraryServiceDeps) {}

  private get store(): LibraryStore {
    return this.deps.store;
  }

  private timestamp(): string {
    return this.deps.now().toISOString();
  }

  info(canChooseLibrary: boolean): LibraryInfo {
    const { state } = this.store;
    return {
      path: this.store.folder,
      state: state.kind,
      paperCount: this.store.data.papers.length,
      ...(state.kind === 'failed' ? { error: { message: state.message, ...(state.detail ? { detail: state.detail } : {}) } } : {}),
      isEmpty: state.kind === 'ready' && this.store.data.papers.length === 0,
      canChooseLibrary,
      locked: state.kind === 'failed' && state.locked === true,
      ...(state.kind === 'ready' && state.readOnly ? { readOnly: state.readOnly } : {}),
    };
  }

  list(ids?: readonly string[], page?: { offset: number; limit: number }): { papers: PaperSummary[]; tags: TagSummary[]; total: number } {
    const { papers } = this.store.data;
    const listed = ids ? ids.flatMap((id) => this.store.getPaper(id) ?? []) : page ? papers.slice(page.offset, page.offset + page.limit) : papers;
    return { papers: listed.map(summarize), tags: this.tagSummaries(), total: papers.length };
  }

  private tagCache: { version: number; tags: TagSummary[] } | undefined;

  /** Every tag with its count. Counting walks every paper, so it is done once per library version, not per call. */
  private tagSummaries(): TagSummary[] {
    if (this.tagCache?.version === this.store.version) return this.tagCache.tags;
    const { papers, tags } = this.store.data;
    const counts = new Map<string, number>();
    for (const paper of papers) for (const tag of paper.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const entries = new Map(tags.map((tag) => [tag.name, tag]));
    const summaries: TagSummary[] = [...counts].map(([name, count]) => ({ ...entries.get(name), name, count }));
    // A pinned tag stays listed when no paper carries it (its number key still adds it), and so does
    // the color or pin of a parent that exists only through nested tags (`a` of `a/b`).
    const parents = new Set([...counts.keys()].flatMap(tagAncestors));
    for (const tag of tags) {
      if (!counts.has(tag.name) && (tag.pinned !== undefined || parents.has(tag.name))) summaries.push({ ...tag, count: 0 });
    }
    summaries.sort((a, b) => a.name.localeCompare(b.name));
    this.tagCache = { version: this.store.version, tags: summaries };
    return summaries;
  }

  get(ids: readonly string[]): { papers: Paper[] } {
    return { papers: ids.flatMap((id) => this.store.getPaper(id) ?? []) };
  }

  async updateMany(paperIds: readonly string[], changes: Pick<PaperChanges, 'status' | 'rating' | 'type'>): Promise<{ changed: number }> {
    const wanted = [...new Set(paperIds)];
    const missing = wanted.find((id) => !this.store.getPaper(id));
    if (missing !== undefined) throw new ApiFailure('not-found', `No paper with id "${missing}" in this library`);
    const entries = Object.entries(changes) as Array<[keyof typeof changes, unknown]>;
    const changedIds = await this.store.transact((tx) => {
      const now = this.timestamp();
      const changed: string[] = [];
      for (const id of wanted) {
        const current = this.store.getPaper(id);
        if (entries.every(([key, value]) => current?.[key] === value)) continue;
        Object.assign(tx.paper(id), changes, { updatedAt: now });
        changed.push(id);
      }
      return changed;
    });
    if (changedIds.length > 0) this.deps.onChanged('papers-updated', changedIds);
    return { changed: changedIds.length };
  }

  async openSample(): Promise<{ added: number }> {
    if (this.store.data.papers.length > 0) {
      throw new ApiFailure('invalid-input', 'The sample library can only be opened into an empty library');
    }
    const sample = librarySchema.parse(JSON.parse(await readFile(this.deps.sampleLibraryPath, 'utf8')));
    const now = this.timestamp();
    const papers = sample.papers.map((paper) => ({ ...paper, id: this.deps.newId(), addedAt: now, updatedAt: now }));
    await this.store.transact((tx) => {
      tx.addPapers(papers);
      if (sample.tags.length > 0) {
        const tags = tx.collection('tags');
        for (const tag of sample.tags) if (!tags.some((known) => known.name === tag.name)) tags.push(tag);
      }
    });
    this.deps.onChanged('sample-opened');
    return { added: papers.length };
  }

  async updatePaper(id: string, changes: PaperChanges): Promise<{ paper: Paper }> {
    const paper = await this.store.transact((tx) => {
      const target = tx.paper(id);
      for (const [key, value] of Object.entries(changes) as Array<[keyof PaperChanges, unknown]>) {
        // An empty value clears an optional field instead of storing "" or null.
        if (value === null || value === '') delete (target as Partial<Paper>)[key];
        else Object.assign(target, { [key]: value });
      }
      target.updatedAt = this.timestamp();
      return structuredClone(target);
    });
    this.deps.onChanged('paper-updated', [id]);
    return { paper };
  }

  async setTag(paperIds: readonly string[], tag: string, present: boolean): Promise<{ changed: number }> {
    const wanted = [...new Set(paperIds)];
    const missing = wanted.find((id) => !this.store.getPaper(id));
    if (missing !== undefined) throw new ApiFailure('not-found', `No paper with id "${missing}" in this library`);
    const changedIds = await this.store.transact((tx) => {
      const now = this.timestamp();
      const changed: string[] = [];
      for (const id of wanted) {
        if (this.store.getPaper(id)?.tags.includes(tag) === present) continue;
        const paper = tx.paper(id);
        paper.tags = present ? [...paper.tags, tag] : paper.tags.filter((name) => name !== tag);
        paper.updatedAt = now;
        changed.push(id);
      }
      return changed;
    });
    if (changedIds.length > 0) this.deps.onChanged(present ? 'tag-added' : 'tag-removed', changedIds);
    return { changed: changedIds.length };
  }

  async addNote(paperId: string, body: string): Promise<{ note: Note }> {
    const note = await this.store.transact((tx) => {
      const now = this.timestamp();
      const created: Note = { id: this.deps.newId(), body, createdAt: now, updatedAt: now };
      const paper = tx.paper(paperId);
      paper.notes.push(created);
      paper.updatedAt = now;
      return { ...created };
    });
    this.deps.onChanged('note-added', [paperId]);
    return { note };
  }

  private note(paper: Paper, noteId: string): Note {
    const note = paper.notes.find((candidate) => candidate.id === noteId);
    if (!note) throw new ApiFailure('not-found', `No note with id "${noteId}" on this paper`);
    return note;
  }

  async updateNote(paperId: string, noteId: string, body: string): Promise<{ note: Note }> {
    const note = await this.store.transact((tx) => {
      const paper = tx.paper(paperId);
      const target = this.note(paper, noteId);
      target.body = body;
      target.updatedAt = this.timestamp();
      paper.updatedAt = target.updatedAt;
      return { ...target };
    });
    this.deps.onChanged('note-updated', [paperId]);
    return { note };
  }

  async deleteNote(paperId: string, noteId: string): Promise<{ deleted: boolean }> {
    await this.store.transact((tx) => {
      const paper = tx.paper(paperId);
      this.note(paper, noteId);
      paper.notes = paper.notes.filter((note) => note.id !== noteId);
      paper.updatedAt = this.timestamp();
    });
    this.deps.onChanged('note-deleted', [paperId]);
    return { deleted: true };
  }

  exportMarkdown(paperIds: readonly string[], columns?: readonly (ReviewColumnId | CustomColumnKey)[]): { markdown: string; rows: number } {
    const custom = new Set(this.store.data.columns.map((column) => customColumnKey(column.id)));
    const unknown = columns?.find((key) => key.startsWith('column:') && !custom.has(key as CustomColumnKey));
    if (unknown !== undefined) throw new ApiFailure('not-found', `No column with id "${unknown.slice('column:'.length)}" in this library`);
    const papers = paperIds.map((id) => {
      const paper = this.store.getPaper(id);
      if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
      return paper;
    });
    return { markdown: reviewTableMarkdown(papers, columns, { columns: this.store.data.columns }), rows: papers.length };
  }
}

const LISTED_AUTHORS = 3;

function summarize(paper: Paper): PaperSummary {
  const { id, type, title, year, venue, doi, arxivId, tags, status, addedAt, updatedAt } = paper;
  return {
    id,
    type,
    title,
    ...(year !== undefined ? { year } : {}),
    ...(venue !== undefined ? { venue } : {}),
    ...(doi !== undefined ? { doi } : {}),
    ...(arxivId !== undefined ? { arxivId } : {}),
    tags,
    status,
    addedAt,
    updatedAt,
    authors: paper.authors.slice(0, LISTED_AUTHORS),
    authorCount: paper.authors.length,
    decision: paper.screening.decision,
    noteCount: paper.notes.length,
    hasAbstract: (paper.abstract ?? '').trim().length > 0,
  };
}
