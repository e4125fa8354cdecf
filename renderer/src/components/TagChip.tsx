interface Props {
  name: string;
  /** Shown after the name, e.g. "2/3" for a tag only some selected papers carry. */
  count?: string;
  color?: string | undefined;
  /** Shown as a × button when given. */
  onRemove?: () => void;
  testId?: string;
  /** The search matched this tag. */
  matched?: boolean;
}

import { tagColorValue } from '../../../shared/model/tag-colors';
import { safeColor } from '../util/safe-color';

/** A tag's name with its color dot; the color is user data, so it only ever reaches a style property. */
export function TagChip({ name, count, color, onRemove, testId, matched = false }: Props) {
  const background = safeColor(tagColorValue(color));
  return (
    <span className={`tag-chip${matched ? ' matched' : ''}`} data-testid={testId} data-tag={name}>
      <span className="tag-dot" style={background ? { background, opacity: 1 } : undefined} aria-hidden="true" />
      <span className="tag-name">{name}</span>
      {count && <span className="tag-count">{count}</span>}
      {onRemove && (
        <button type="button" className="tag-remove" onClick={onRemove} aria-label={`Remove tag ${name}`} title={`Remove “${name}”`}>
          ×
        </button>
      )}
    </span>
  );
}
