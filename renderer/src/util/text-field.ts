/** Input types that hold no text the user edits (their keys are not text editing). */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** What `isTextField` reads of an element: an `Element` has all of it, a test can pass a plain object. */
export interface FieldLike {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
}

/**
 * Whether the element edits text of its own (an input, a textarea, contenteditable, the review
 * table's cell editor): there Undo and Redo are the field's, not the library's. A select is not.
 */
export function isTextField(element: FieldLike | null | undefined): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((element.type || 'text').toLowerCase());
}
