import { editDistance } from '../query-words';

export { normalizeWords } from '../query-words';

/** A phrase as matched: lower-cased, runs of white space as one space, trimmed. */
export function normalizePhrase(text: string): string {
  return text.toLowerCase().split(/\s+/).filter((part) => part.length > 0).join(' ');
}

/**
 * The option a mistyped word most likely meant: one it begins (two letters at least), else the
 * nearest within one edit (words of up to three letters) or two; undefined when none is close.
 */
export function closestOption(word: string, options: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  if (typed.length >= 2) {
    const completed = options.find((option) => option.startsWith(typed));
    if (completed !== undefined) return completed;
  }
  const limit = typed.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const option of options) {
    if (Math.abs(option.length - typed.length) > limit) continue;
    const distance = editDistance(typed, option, limit);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

/** "a, b or c". */
export function oneOf(options: readonly string[]): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')} or ${options[options.length - 1] ?? ''}`;
}
