import type { MethodInput } from '../../../shared/api/contract';
import { highlightsMarkdown } from '../../../shared/export/highlights-markdown';
import type { HighlightColor } from '../../../shared/model/highlights';
import type { Annotation, Paper } from '../../../shared/model/library';
import { call } from '../api/client';
import { libraryStore } from '../state/library-store';
import { paperCache } from '../state/paper-cache';
import { toasts } from '../state/toast-store';
import { copyText } from '../util/clipboard';
import { errorMessage } from '../util/error-message';

export type NewHighlight = Omit<MethodInput<'annotations.add'>, 'paperId'>;

function patchAnnotations(paperId: string, change: (annotations: Annotation[]) => Annotation[]): void {
  paperCache.patch(paperId, (paper) => ({ ...paper, annotations: change(paper.annotations) }));
}

/** Adds a highlight; resolves to it, or to undefined after a toast that says why not. */
export async function addHighlight(paperId: string, highlight: NewHighlight): Promise<Annotation | undefined> {
  try {
    return await libraryStore.changePaper(paperId, async () => {
      const { annotation } = await call('annotations.add', { paperId, ...highlight });
      patchAnnotations(paperId, (annotations) => (annotations.some((known) => known.id === annotation.id) ? annotations : [...annotations, annotation]));
      return annotation;
    });
  } catch (error) {
    toasts.error(`The highlight was not saved: ${errorMessage(error)}`);
    return undefined;
  }
}

export interface HighlightEdit {
  color?: HighlightColor;
  comment?: string;
  tags?: string[];
}

/** Changes a highlight's color, comment or tags; shown at once, put right if the main side refuses. */
export async function updateHighlight(paperId: string, annotationId: string, changes: HighlightEdit): Promise<boolean> {
  try {
    await libraryStore.changePaper(
      paperId,
      async () => {
        const { annotation } = await call('annotations.update', { paperId, annotationId, ...changes });
        patchAnnotations(paperId, (annotations) => annotations.map((known) => (known.id === annotation.id ? annotation : known)));
      },
      () =>
        patchAnnotations(paperId, (annotations) =>
          annotations.map((known) => {
            if (known.id !== annotationId) return known;
            const next: Annotation = { ...known, ...(changes.color ? { color: changes.color } : {}) };
            if (changes.comment !== undefined) {
              if (changes.comment.trim()) next.comment = changes.comment.trim();
              else delete next.comment;
            }
            if (changes.tags !== undefined) {
              if (changes.tags.length > 0) next.tags = changes.tags;
              else delete next.tags;
            }
            return next;
          }),
        ),
    );
    return true;
  } catch (error) {
    toasts.error(`The highlight was not changed: ${errorMessage(error)}`);
    return false;
  }
}

/** Deletes a highlight, with Undo in the toast that confirms it. */
export async function deleteHighlight(paperId: string, annotationId: string): Promise<void> {
  try {
    const deleted = await libraryStore.changePaper(
      paperId,
      async () => (await call('annotations.delete', { paperId, annotationId })).deleted,
      () => patchAnnotations(paperId, (annotations) => annotations.filter((known) => known.id !== annotationId)),
    );
    toasts.info(`Highlight on page ${deleted.page} deleted`, {
      label: 'Undo',
      run: () => void addHighlight(paperId, restorable(deleted)),
    });
  } catch (error) {
    toasts.error(`The highlight was not deleted: ${errorMessage(error)}`);
  }
}

/** What `annotations.add` needs to put a deleted highlight back. */
export function restorable(annotation: Annotation): NewHighlight {
  const { attachmentId, page, rects, quote, color, comment, tags } = annotation;
  return {
    attachmentId,
    page,
    rects,
    quote,
    color: color as HighlightColor,
    ...(comment !== undefined ? { comment } : {}),
    ...(tags !== undefined ? { tags } : {}),
  };
}

/** Copies the highlights of these papers as Markdown (shared/export/highlights-markdown.ts). */
export async function copyHighlightsMarkdown(paperIds: readonly string[]): Promise<void> {
  if (paperIds.length === 0) {
    toasts.info('Select a paper first');
    return;
  }
  try {
    const papers: Paper[] = [];
    for (let start = 0; start < paperIds.length; start += 1000) {
      papers.push(...(await call('papers.get', { ids: paperIds.slice(start, start + 1000) })).papers);
    }
    const count = papers.reduce((sum, paper) => sum + paper.annotations.length, 0);
    if (count === 0) {
      toasts.info(paperIds.length === 1 ? 'This paper has no highlights yet' : 'These papers have no highlights yet');
      return;
    }
    await copyText(highlightsMarkdown(papers));
    toasts.info(`Copied ${count} ${count === 1 ? 'highlight' : 'highlights'} as Markdown`);
  } catch (error) {
    toasts.error(`Could not copy the highlights: ${errorMessage(error)}`);
  }
}
