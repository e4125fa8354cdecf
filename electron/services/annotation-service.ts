import type { HighlightColor, HighlightRect } from '../../shared/model/highlights';
import { roundRect } from '../../shared/model/highlights';
import type { Annotation, Paper } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

export interface AnnotationServiceDeps {
  /** The open library (it changes when another library is opened). */
  store: () => LibraryStore;
  now: () => Date;
  newId: () => string;
  /** Told after every change that reached the disk. */
  onChanged: (reason: string, paperIds?: string[]) => void;
}

export interface NewHighlight {
  attachmentId: string;
  page: number;
  rects: readonly HighlightRect[];
  quote: string;
  color: HighlightColor;
  comment?: string;
  tags?: readonly string[];
}

export interface HighlightChanges {
  color?: HighlightColor;
  /** An empty comment removes it. */
  comment?: string;
  /** An empty list removes them. */
  tags?: readonly string[];
}

/** Highlights in a paper's PDFs (the library's `annotations`): added, changed and deleted in one write each. */
export class AnnotationService {
  constructor(private readonly deps: AnnotationServiceDeps) {}

  async add(paperId: string, highlight: NewHighlight): Promise<{ annotation: Annotation }> {
    const store = this.deps.store();
    const annotation = await store.transact((tx) => {
      const paper = tx.paper(paperId);
      const attachment = paper.attachments.find((candidate) => candidate.id === highlight.attachmentId);
      if (!attachment) throw new ApiFailure('not-found', `No attachment "${highlight.attachmentId}" on this paper`);
      if (attachment.pages !== undefined && attachment.pages > 0 && highlight.page > attachment.pages) {
        throw new ApiFailure('invalid-input', `Page ${highlight.page} is past the end of this PDF (${attachment.pages} pages)`);
      }
      const now = this.deps.now().toISOString();
      const comment = highlight.comment?.trim();
      const tags = uniqueTags(highlight.tags);
      const created: Annotation = {
        id: this.deps.newId(),
        attachmentId: attachment.id,
        page: highlight.page,
        rects: highlight.rects.map(roundRect),
        quote: highlight.quote,
        color: highlight.color,
        ...(comment ? { comment } : {}),
        ...(tags.length > 0 ? { tags } : {}),
        createdAt: now,
      };
      paper.annotations.push(created);
      paper.updatedAt = now;
      return structuredClone(created);
    });
    this.deps.onChanged('annotation-added', [paperId]);
    return { annotation };
  }

  async update(paperId: string, annotationId: string, changes: HighlightChanges): Promise<{ annotation: Annotation }> {
    const annotation = await this.deps.store().transact((tx) => {
      const paper = tx.paper(paperId);
      const target = findAnnotation(paper, annotationId);
      if (changes.color !== undefined) target.color = changes.color;
      if (changes.comment !== undefined) {
        const comment = changes.comment.trim();
        if (comment) target.comment = comment;
        else delete target.comment;
      }
      if (changes.tags !== undefined) {
        const tags = uniqueTags(changes.tags);
        if (tags.length > 0) target.tags = tags;
        else delete target.tags;
      }
      paper.updatedAt = this.deps.now().toISOString();
      return structuredClone(target);
    });
    this.deps.onChanged('annotation-updated', [paperId]);
    return { annotation };
  }

  async delete(paperId: string, annotationId: string): Promise<{ deleted: Annotation }> {
    const deleted = await this.deps.store().transact((tx) => {
      const paper = tx.paper(paperId);
      const target = structuredClone(findAnnotation(paper, annotationId));
      paper.annotations = paper.annotations.filter((annotation) => annotation.id !== annotationId);
      paper.updatedAt = this.deps.now().toISOString();
      return target;
    });
    this.deps.onChanged('annotation-deleted', [paperId]);
    return { deleted };
  }
}

function findAnnotation(paper: Paper, annotationId: string): Annotation {
  const annotation = paper.annotations.find((candidate) => candidate.id === annotationId);
  if (!annotation) throw new ApiFailure('not-found', `No highlight with id "${annotationId}" on this paper`);
  return annotation;
}

function uniqueTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])];
}
