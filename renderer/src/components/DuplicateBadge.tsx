import type { ImportPreviewItem } from '../../../shared/api/contract';
import { batchIndex, itemNumber, reasonLabel } from '../state/import-choices';

interface Props {
  duplicate: NonNullable<ImportPreviewItem['duplicate']>;
  /** Scrolls the list to an earlier item of this import. */
  onShowItem: (index: number) => void;
}

/**
 * What an item duplicates and how that was found: "Duplicate by DOI of “…”", "Similar title (0.93)
 * to “…”", or "Same as item 12 in this import" with a link to that item.
 */
export function DuplicateBadge({ duplicate, onShowItem }: Props) {
  const fuzzy = duplicate.reason === 'fuzzy-title';
  const earlier = batchIndex(duplicate);
  if (earlier !== undefined) {
    const link = (
      <button
        type="button"
        className="duplicate-link"
        title={duplicate.title ? `Show item ${itemNumber(earlier)}: ${duplicate.title}` : `Show item ${itemNumber(earlier)}`}
        onClick={() => onShowItem(earlier)}
      >
        item {itemNumber(earlier)}
      </button>
    );
    return (
      <span className={`duplicate-badge${fuzzy ? ' fuzzy' : ''}`} data-testid="import-duplicate" data-reason={duplicate.reason} data-in-batch="true">
        {fuzzy ? <>{reasonLabel(duplicate)} to {link} in this import</> : <>Same as {link} in this import</>}
      </span>
    );
  }
  return (
    <span
      className={`duplicate-badge${fuzzy ? ' fuzzy' : ''}`}
      data-testid="import-duplicate"
      data-reason={duplicate.reason}
      title={`${reasonLabel(duplicate)} ${fuzzy ? 'to' : 'of'} “${duplicate.title}”, already in the library`}
    >
      <span className="duplicate-reason">
        {reasonLabel(duplicate)} {fuzzy ? 'to' : 'of'}
      </span>{' '}
      <span className="duplicate-title">“{duplicate.title || 'Untitled'}”</span>
    </span>
  );
}
