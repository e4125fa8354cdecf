import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { tagNameSchema } from '../../../shared/model/library';
import { isInTagTree } from '../../../shared/model/nested-tags';
import type { TagInfo } from '../state/use-workspace';

interface Props {
  name: string;
  depth: number;
  tags: readonly TagInfo[];
  onSubmit: (to: string) => void;
  onCancel: () => void;
}

/**
 * Renames a tag in place: the whole name is editable, so `a/b` can move under another parent.
 * Enter or leaving the field renames; Esc keeps the old name. A name that exists is a merge, said before it happens.
 */
export function TagRenameField({ name, depth, tags, onSubmit, onCancel }: Props) {
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const hintId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const parsed = tagNameSchema.safeParse(value);
  const target = parsed.success ? parsed.data : undefined;
  const error = parsed.success ? undefined : parsed.error.issues[0]?.message;
  const existing = target !== undefined && target !== name && !isInTagTree(target, name) ? tags.find((tag) => tag.name === target) : undefined;

  const finish = (submit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (submit && target !== undefined && target !== name) onSubmit(target);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (error) return;
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  };

  return (
    <div className="tag-rename" style={{ paddingLeft: 8 + depth * 14 }}>
      <input
        ref={input}
        className={`tag-rename-input${error ? ' invalid' : ''}`}
        data-testid="tag-rename-input"
        aria-label={`New name for “${name}”`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || existing ? hintId : undefined}
        spellCheck={false}
        autoComplete="off"
        maxLength={100}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(error === undefined)}
      />
      {(error || existing) && (
        <p id={hintId} className={`tag-rename-hint${error ? ' error' : ''}`} data-testid="tag-rename-hint" role={error ? 'alert' : 'status'}>
          {error ?? `“${existing?.name}” exists: Enter merges the two tags`}
        </p>
      )}
    </div>
  );
}
