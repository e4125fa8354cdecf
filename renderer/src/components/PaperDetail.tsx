import { authorName } from '../../../shared/model/format-authors';
import { readStatuses, type Paper, type ReadStatus } from '../../../shared/model/library';
import { libraryStore } from '../state/library-store';
import type { Workspace } from '../state/use-workspace';
import { doiHref, safeWebHref } from '../util/safe-url';
import { ExternalLink } from './ExternalLink';
import { HighlightedText } from './HighlightedText';
import { NotesSection } from './NotesSection';
import { paperTypeLabels } from './paper-type-labels';
import { TagEditor } from './TagEditor';

interface Props {
  paper: Paper;
  workspace: Workspace;
}


const statusLabels: Record<ReadStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

const MAX_AUTHORS = 12;

export function PaperDetail({ paper, workspace }: Props) {
  const { listQuery: query, refs, tags, tagColors, ui, dispatch } = workspace;
  const authors = paper.authors.map(authorName);
  const shownAuthors = authors.length > MAX_AUTHORS ? [...authors.slice(0, MAX_AUTHORS - 1), `and ${authors.length - MAX_AUTHORS + 1} more`] : authors;
  const doiLink = doiHref(paper.doi);
  const urlLink = safeWebHref(paper.url);

  return (
    <div className="detail-scroll">
      <article className="detail-article" aria-labelledby="detail-title">
        <p className="eyebrow">
          {paperTypeLabels[paper.type]}
          {paper.year !== undefined && <> · {paper.year}</>}
        </p>
        <h1 id="detail-title" className="detail-title" data-testid="detail-title" ref={refs.detailTitle} tabIndex={-1}>
          <HighlightedText text={paper.title || 'Untitled'} query={query} />
        </h1>
        {shownAuthors.length > 0 && (
          <p className="detail-authors" data-testid="detail-authors">
            <HighlightedText text={shownAuthors.join(', ')} query={query} />
          </p>
        )}

        <dl className="facts">
          <div className="fact">
            <dt>Year</dt>
            <dd data-testid="detail-year">{paper.year ?? '—'}</dd>
          </div>
          <div className="fact fact-wide">
            <dt>Venue</dt>
            <dd data-testid="detail-venue">{paper.venue ? <HighlightedText text={paper.venue} query={query} /> : '—'}</dd>
          </div>
          <div className="fact">
            <dt>
              <label htmlFor="status-select">Status</label>
            </dt>
            <dd>
              <select
                id="status-select"
                className={`status-select status-${paper.status}`}
                data-testid="status-select"
                value={paper.status}
                onChange={(event) => void libraryStore.setStatus([paper.id], event.target.value as ReadStatus)}
              >
                {readStatuses.map((status) => (
                  <option key={status} value={status}>
                    {statusLabels[status]}
                  </option>
                ))}
              </select>
            </dd>
          </div>
          {paper.doi && (
            <div className="fact fact-wide">
              <dt>DOI</dt>
              <dd className="break">
                <ExternalLink href={doiLink}>{paper.doi}</ExternalLink>
              </dd>
            </div>
          )}
          {paper.url && (
            <div className="fact fact-wide">
              <dt>Link</dt>
              <dd className="break">
                <ExternalLink href={urlLink}>{paper.url}</ExternalLink>
              </dd>
            </div>
          )}
        </dl>

        <section className="detail-section" aria-labelledby="abstract-heading">
          <h2 id="abstract-heading" className="section-title">
            Abstract
          </h2>
          {paper.abstract ? (
            <p className="abstract" data-testid="detail-abstract">
              <HighlightedText text={paper.abstract} query={query} />
            </p>
          ) : (
            <p className="muted">No abstract.</p>
          )}
        </section>

        <section className="detail-section" aria-labelledby="tags-heading">
          <h2 id="tags-heading" className="section-title">
            Tags
          </h2>
          <TagEditor
            tags={paper.tags.map((name) => ({ name }))}
            allTags={tags}
            tagColors={tagColors}
            inputRef={refs.tagInput}
            onAdd={(tag) => libraryStore.addTag([paper.id], tag)}
            onRemove={(tag) => void libraryStore.removeTag([paper.id], tag)}
            onEscape={workspace.focusList}
          />
        </section>

        <NotesSection
          paper={paper}
          focusNoteId={ui.focusNoteId}
          onNoteFocused={() => dispatch({ type: 'setFocusNote', noteId: undefined })}
          onAddNote={() => void workspace.addNote()}
          onEscape={workspace.focusList}
        />
      </article>
    </div>
  );
}
