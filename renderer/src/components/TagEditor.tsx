import type { RefObject } from 'react';
import type { TagInfo } from '../state/use-workspace';
import { TagChip } from './TagChip';
import { TagInput } from './TagInput';

export interface EditedTag {
  name: string;
  /** For a multi-selection: how many of the selected papers carry the tag. */
  count?: number;
}

interface Props {
  tags: readonly EditedTag[];
  /** Size of the selection, shown beside partial counts ("2/3"). */
  of?: number;
  allTags: readonly TagInfo[];
  tagColors: ReadonlyMap<string, string>;
  inputRef: RefObject<HTMLInputElement | null>;
  onAdd: (tag: string) => Promise<boolean>;
  onRemove: (tag: string) => void;
  onEscape: () => void;
  placeholder?: string;
  /** Why tags cannot be changed now (a read-only library); the editor then only shows them. */
  readOnly?: string | undefined;
}

export function TagEditor({ tags, of, allTags, tagColors, inputRef, onAdd, onRemove, onEscape, placeholder, readOnly }: Props) {
  // A tag only some selected papers carry is still offered: adding it completes the set.
  const present = new Set(tags.filter((tag) => tag.count === undefined || of === undefined || tag.count >= of).map((tag) => tag.name));
  return (
    <div className="tag-editor">
      {tags.length > 0 && (
        <ul className="tag-chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.name}>
              <TagChip
                name={tag.name}
                count={tag.count !== undefined && of !== undefined ? `${tag.count}/${of}` : undefined}
                color={tagColors.get(tag.name)}
                testId="tag-chip"
                onRemove={readOnly ? undefined : () => onRemove(tag.name)}
              />
            </li>
          ))}
        </ul>
      )}
      <TagInput
        inputRef={inputRef}
        suggestions={allTags}
        exclude={present}
        onAdd={onAdd}
        onEscape={onEscape}
        placeholder={readOnly ? 'Read-only library' : (placeholder ?? (tags.length === 0 ? 'Add a tag…' : 'Add another tag…'))}
        disabledReason={readOnly}
      />
    </div>
  );
}
