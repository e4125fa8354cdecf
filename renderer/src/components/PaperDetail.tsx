import { useEffect } from 'react';
import type { PaperSummary } from '../../../shared/api/contract';
import { authorName } from '../../../shared/model/format-authors';
import { readStatuses, type ReadStatus } from '../../../shared/model/library';
import { fieldRanges, rangedNames, type RangedText } from '../search/hit-ranges';
import { searchStore } from '../search/search-store';
import { libraryStore } from '../state/library-store';
import { useWholePapers } from '../state/use-whole-papers';
import type { Workspace } from '../state/use-workspace';
import { doiHref, safeWebHref } from '../util/safe-url';
import { ExternalLink } from './ExternalLink';
import { FulltextSnippet } from './FulltextSnippet';
import { HighlightedText } from './HighlightedText';
import { NotesSection } from './NotesSection';
import { PdfSection } from '../pdf/PdfSection';
import { RelatedSection } from './RelatedSection';
import { paperTypeLabels } from './paper-type-labels';
import { TagEditor } from './TagEditor';

interface Props {
  summary: PaperSummary;
  workspace: Workspace;
}

const statusLabels: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

const MAX_AUTHORS = 12;

/**
 * One paper. What the list knows (title, tags, status…) comes from its summary and shows at once,
 * including changes not yet confirmed; the long parts (every author, abstract, notes, link) come
 * from the whole paper, fetched when it is selected and again when it changes.
 */
export function PaperDetail({ summary, workspace }: Props) {
  const { refs, tags, tagColors, ui, dispatch, readOnly, search } = workspace;
  const whole = useWholePapers([summary]).get(summary.id);
  const hit = workspace.hitOf(summary.id);
  const answer = search.answer;
  useEffect(() => {
    if (answer) searchStore.ensureHitOf(summary.id);
  }, [answer, summary.id]);
  let authorLine: RangedText;
  if (whole) {
    const authors = whole.authors.map(authorName);
    authorLine =
      authors.length > MAX_AUTHORS
        ? rangedNames(authors, hit, MAX_AUTHORS - 1, `, and ${authors.length - MAX_AUTHORS + 1} more`)
        : rangedNames(authors, hit, authors.length, '');
  } else {
    const names = summary.authors.map(authorName);
    const shown = Math.min(3, names.length);
    authorLine = rangedNames(names, hit, shown, summary.authorCount > shown ? ' et al.' : '');
  }
  const doiLink = doiHref(summary.doi);
  const url = whole?.url;
  const urlLink = safeWebHref(url);

  return (
    <div className="detail-scroll">
      <article className="detail-article" aria-labelledby="detail-title" aria-busy={!whole || undefined}>
        <p className="eyebrow">
          {paperTypeLabels[summary.type]}
          {summary.year !== undefined && <> · {summary.year}</>}
        </p>
        <h1 id="detail-title" className="detail-title" data-testid="detail-title" ref={refs.detailTitle} tabIndex={-1}>
          <HighlightedText text={summary.title || 'Untitled'} ranges={summary.title ? fieldRanges(hit, 'title') : []} />
        </h1>
        {authorLine.text && (
          <p className="detail-authors" data-testid="detail-authors">
            <HighlightedText text={authorLine.text} ranges={authorLine.ranges} />
          </p>
        )}
        {hit?.fulltext && (
          <div className="detail-fulltext">
            <span className="muted small">Found in the PDF</span>
            <FulltextSnippet match={hit.fulltext} />
          </div>
        )}

        <dl className="facts">
          <div className="fact">
            <dt>Year</dt>
            <dd data-testid="detail-year">{summary.year ?? '—'}</dd>
          </div>
          <div className="fact fact-wide">
            <dt>Venue</dt>
            <dd data-testid="detail-venue">{summary.venue ? <HighlightedText text={summary.venue} ranges={fieldRanges(hit, 'venue')} /> : '—'}</dd>
          </div>
          <div className="fact">
            <dt>
              <label htmlFor="status-select">Status</label>
            </dt>
            <dd>
              <select
                id="status-select"
                className={`status-select status-${summary.status}`}
                data-testid="status-select"
                value={summary.status}
                disabled={readOnly !== undefined}
                title={readOnly}
                onChange={(event) => void libraryStore.setStatus([summary.id], event.target.value as ReadStatus)}
              >
                {readStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statusLabels[status]}
                  </option>
                ))}
              </select>
            </dd>
          </div>
          {summary.doi && (
            <div className="fact fact-wide">
              <dt>DOI</dt>
              <dd className="break">
                <ExternalLink href={doiLink}>{summary.doi}</ExternalLink>
              </dd>
            </div>
          )}
          {url && (
            <div className="fact fact-wide">
              <dt>Link</dt>
              <dd className="break">
                <ExternalLink href={urlLink}>{url}</ExternalLink>
              </dd>
            </div>
          )}
        </dl>

        <section className="detail-section" aria-labelledby="abstract-heading">
          <h2 id="abstract-heading" className="section-title">
            Abstract
          </h2>
          {whole?.abstract ? (
            <p className="abstract" data-testid="detail-abstract">
              <HighlightedText text={whole.abstract} ranges={fieldRanges(hit, 'abstract')} />
            </p>
          ) : summary.hasAbstract && !whole ? (
            <p className="muted loading-text">Loading…</p>
          ) : (
            <p className="muted">No abstract.</p>
          )}
        </section>

        <section className="detail-section" aria-labelledby="tags-heading">
          <h2 id="tags-heading" className="section-title">
            Tags
          </h2>
          <TagEditor
            tags={summary.tags.map((name) => ({ name }))}
            allTags={tags}
            tagColors={tagColors}
            inputRef={refs.tagInput}
            readOnly={readOnly}
            onAdd={(tag) => libraryStore.addTag([summary.id], tag)}
            onRemove={(tag) => void libraryStore.removeTag([summary.id], tag)}
            onEscape={workspace.focusList}
          />
        </section>

        <PdfSection paper={whole} readOnly={readOnly} onOpenReader={(target) => dispatch({ type: 'openReader', target })} />

        <NotesSection
          paperId={summary.id}
          notes={whole?.notes}
          noteCount={summary.noteCount}
          readOnly={readOnly}
          focusNoteId={ui.focusNoteId}
          onNoteFocused={() => dispatch({ type: 'setFocusNote', noteId: undefined })}
          onAddNote={() => void workspace.addNote()}
          onEscape={workspace.focusList}
          summaryOf={workspace.summaryOf}
          onOpenPaper={workspace.openPaper}
        />

        <RelatedSection
          paperId={summary.id}
          libraryKey={`${workspace.papers.length}:${summary.updatedAt}`}
          summaryOf={workspace.summaryOf}
          onOpenPaper={workspace.openPaper}
        />
      </article>
    </div>
  );
}
