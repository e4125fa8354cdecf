import type { Paper } from '../../../shared/model/library';
import { formatBytes } from '../util/format-bytes';
import { copyHighlightsMarkdown } from './highlight-actions';
import { HighlightList } from './HighlightList';
import type { ReaderTarget } from './reader-target';

interface Props {
  /** Undefined while the whole paper is being fetched. */
  paper: Paper | undefined;
  readOnly: string | undefined;
  onOpenReader: (target: Omit<ReaderTarget, 'request'>) => void;
}

/** The detail pane's PDF section: the paper's PDFs (each opens in the reader) and its highlights. */
export function PdfSection({ paper, readOnly, onOpenReader }: Props) {
  if (!paper || (paper.attachments.length === 0 && paper.annotations.length === 0)) return null;
  const { attachments, annotations } = paper;
  return (
    <section className="detail-section pdf-section" aria-labelledby="pdf-heading" data-testid="pdf-section">
      <div className="section-heading-row">
        <h2 id="pdf-heading" className="section-title">
          {attachments.length === 1 ? 'PDF' : 'PDFs'}
          {annotations.length > 0 && (
            <>
              {' '}
              and highlights<span className="section-count">{annotations.length}</span>
            </>
          )}
        </h2>
        {annotations.length > 0 && (
          <button type="button" className="button small" data-testid="copy-highlights" onClick={() => void copyHighlightsMarkdown([paper.id])}>
            Copy as Markdown
          </button>
        )}
      </div>
      <ul className="attachment-list">
        {attachments.map((attachment, index) => (
          <li key={attachment.id} className="attachment-item">
            <span className="attachment-icon" aria-hidden="true">
              PDF
            </span>
            <span className="attachment-label">
              {attachments.length > 1 ? `PDF ${index + 1}` : 'PDF'}
              <span className="muted small">
                {attachment.pages !== undefined && attachment.pages > 0 ? ` · ${attachment.pages} ${attachment.pages === 1 ? 'page' : 'pages'}` : ''} ·{' '}
                {formatBytes(attachment.bytes)}
              </span>
            </span>
            <button
              type="button"
              className="button small primary"
              data-testid="open-pdf"
              title="Open in the reader (P)"
              onClick={() => onOpenReader({ paperId: paper.id, attachmentId: attachment.id })}
            >
              Open PDF
            </button>
          </li>
        ))}
      </ul>
      {annotations.length > 0 ? (
        <HighlightList
          paperId={paper.id}
          highlights={annotations}
          readOnly={readOnly}
          onOpen={(highlight) => onOpenReader({ paperId: paper.id, attachmentId: highlight.attachmentId, page: highlight.page, annotationId: highlight.id })}
        />
      ) : (
        <p className="muted small">Select text in the reader to highlight it.</p>
      )}
    </section>
  );
}
