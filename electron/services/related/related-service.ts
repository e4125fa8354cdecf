import type { AbstractComparisonOutput } from '../../../shared/api/contract';
import type { Paper } from '../../../shared/model/library';
import { compareAbstracts } from '../../../shared/text/compare-abstracts';
import { TfidfModel, type RelatedPaper } from '../../../shared/text/tfidf';
import { ApiFailure } from '../api-failure';
import type { LibraryStore } from '../library-store';
import { emptyChangeSet, mergeChangeSets, type ChangeSet } from '../storage/transaction';

export interface RelatedServiceDeps {
  store: LibraryStore;
}

/** Papers added to the model per slice while building, so the main process keeps answering between slices. */
export const RELATED_BUILD_SLICE = 200;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the model reads of a paper: its title and abstract. */
export function relatedText(paper: Pick<Paper, 'title' | 'abstract'>): string {
  return paper.abstract ? `${paper.title}\n${paper.abstract}` : paper.title;
}

/**
 * "Related in your library" and the Compare view's abstract analysis for one open library: a TF-IDF model over
 * every paper's title and abstract, built in slices in the background and kept up to date the way the search
 * index is (changes noted as they happen, applied before the next question).
 */
export class RelatedService {
  private readonly ready: Promise<TfidfModel>;
  private model: TfidfModel | undefined;
  /**
   * The title and abstract each paper had when the model last took it, so a change that leaves them alone (a tag,
   * a note) costs nothing. The paper's own strings are kept, not a joined copy: no second copy of every abstract.
   */
  private readonly texts = new Map<string, { title: string; abstract: string | undefined }>();
  private pending: ChangeSet = emptyChangeSet();
  private replaced = false;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(private readonly deps: RelatedServiceDeps) {
    this.unsubscribe = deps.store.onPapersChanged((change) => {
      if (!change) this.replaced = true;
      else mergeChangeSets(this.pending, change);
    });
    this.ready = this.build();
    // A failure surfaces on the first call; nothing else waits on this promise.
    this.ready.catch(() => undefined);
  }

  /** True once the model can answer at once. */
  get isReady(): boolean {
    return this.model !== undefined;
  }

  private async build(): Promise<TfidfModel> {
    await this.deps.store.whenValidated();
    const model = new TfidfModel();
    const snapshot = [...this.deps.store.data.papers];
    for (let start = 0; start < snapshot.length && !this.closed; start += RELATED_BUILD_SLICE) {
      for (const paper of snapshot.slice(start, start + RELATED_BUILD_SLICE)) this.take(model, paper);
      if (start + RELATED_BUILD_SLICE < snapshot.length) await yieldToEventLoop();
    }
    // Papers changed while building went in as they were: bring them up to date.
    this.replaced = true;
    this.model = model;
    return model;
  }

  private take(model: TfidfModel, paper: Paper): void {
    const taken = this.texts.get(paper.id);
    if (taken && taken.title === paper.title && taken.abstract === paper.abstract) return;
    this.texts.set(paper.id, { title: paper.title, abstract: paper.abstract });
    model.update({ id: paper.id, text: relatedText(paper) });
  }

  private drop(model: TfidfModel, id: string): void {
    this.texts.delete(id);
    model.remove(id);
  }

  private async modelNow(): Promise<TfidfModel> {
    const model = this.model ?? (await this.ready);
    const { store } = this.deps;
    const { paperIds, removedIds } = this.pending;
    this.pending = emptyChangeSet();
    if (this.replaced) {
      this.replaced = false;
      const present = new Set<string>();
      for (const paper of store.data.papers) {
        present.add(paper.id);
        this.take(model, paper);
      }
      for (const id of [...this.texts.keys()]) if (!present.has(id)) this.drop(model, id);
      return model;
    }
    for (const id of removedIds) this.drop(model, id);
    for (const id of paperIds) {
      const paper = store.getPaper(id);
      if (paper) this.take(model, paper);
      else this.drop(model, id);
    }
    return model;
  }

  private requirePaper(id: string): Paper {
    const paper = this.deps.store.getPaper(id);
    if (!paper) throw new ApiFailure('not-found', `No paper with id "${id}" in this library`);
    return paper;
  }

  /** The `limit` papers most similar to a paper (title and abstract), most similar first. */
  async related(paperId: string, limit = 10): Promise<{ related: RelatedPaper[] }> {
    this.requirePaper(paperId);
    const model = await this.modelNow();
    return { related: model.related(paperId, limit).map(({ id, score }) => ({ id, score: round(score) })) };
  }

  /** Compares the papers' abstracts (as they read now) with the library's weights. */
  async analyze(paperIds: readonly string[]): Promise<AbstractComparisonOutput> {
    const papers = paperIds.map((id) => this.requirePaper(id));
    const model = await this.modelNow();
    const result = compareAbstracts(
      papers.map((paper) => ({ id: paper.id, text: paper.abstract ?? '' })),
      model,
    );
    return { ...result, similarity: result.similarity.map((row) => row.map(round)) };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    await this.ready.catch(() => undefined);
  }
}

/** Scores travel with four decimals: more is noise on screen and in JSON. */
function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
