import { lexQuery } from './lex-query';
import { enumeratedValues, fieldNames, isEnumeratedField, isFieldName } from './query-fields';

/** One autocomplete suggestion: replace `input.slice(replaceFrom, replaceTo)` with `insert`. */
export interface QueryCompletion {
  /** What the list shows. */
  label: string;
  /** What goes into the query (a name with spaces comes quoted). */
  insert: string;
  replaceFrom: number;
  replaceTo: number;
}

/** Enough to choose from; a library's thousand tags would only hide the good ones. */
const MAX_COMPLETIONS = 20;

const LETTERS = /^[A-Za-z]*$/;

/**
 * Suggestions for the token the cursor is in: field names where a term starts (`ti` → `title:`),
 * known tags after `tag:`, known venues after `venue:`, and the values of `status:`, `decision:`
 * and `has:`. Tags and venues match case-insensitively, those starting with the typed text first.
 */
export function completeQuery(
  input: string,
  cursor: number,
  known: { tags: readonly string[]; venues: readonly string[] },
): QueryCompletion[] {
  const at = Number.isFinite(cursor) ? Math.min(Math.max(Math.floor(cursor), 0), input.length) : input.length;
  const token = lexQuery(input.slice(0, at)).at(-1);
  if (token === undefined || token.end !== at) return fieldCompletions('', at, input);
  if (token.field === undefined) {
    if (token.quoted || !LETTERS.test(token.value)) return [];
    return fieldCompletions(token.value, token.fieldStart, input);
  }
  if (token.quoted && token.closed) return [];
  const name = token.field.toLowerCase();
  if (!isFieldName(name)) return [];
  let options: readonly string[];
  if (name === 'tag') options = known.tags;
  else if (name === 'venue') options = known.venues;
  else if (isEnumeratedField(name)) options = enumeratedValues[name];
  else return [];
  const replaceTo = token.quoted ? quotedValueEnd(input, at) : wordEnd(input, at);
  return matching(token.value, options).map((option) => ({
    label: option,
    insert: /\s/.test(option) ? `"${option}"` : option,
    replaceFrom: token.valueStart,
    replaceTo,
  }));
}

function fieldCompletions(typed: string, from: number, input: string): QueryCompletion[] {
  const prefix = typed.toLowerCase();
  // Editing the name of an existing `field:value` replaces the whole name and its colon.
  let end = from + typed.length;
  while (end < input.length && /[A-Za-z]/.test(input[end] ?? '')) end += 1;
  const replaceTo = input[end] === ':' ? end + 1 : from + typed.length;
  return fieldNames
    .filter((name) => name.startsWith(prefix))
    .map((name) => ({ label: `${name}:`, insert: `${name}:`, replaceFrom: from, replaceTo }));
}

/** Options starting with the typed text, then those containing it; case-insensitive, no duplicates. */
function matching(typed: string, options: readonly string[]): string[] {
  const needle = typed.toLowerCase();
  const starting: string[] = [];
  const containing: string[] = [];
  for (const option of new Set(options)) {
    const lower = option.toLowerCase();
    if (lower.startsWith(needle)) starting.push(option);
    else if (lower.includes(needle)) containing.push(option);
  }
  return [...starting, ...containing].slice(0, MAX_COMPLETIONS);
}

function wordEnd(input: string, from: number): number {
  let end = from;
  while (end < input.length && !/\s/.test(input[end] ?? '')) end += 1;
  return end;
}

function quotedValueEnd(input: string, from: number): number {
  const close = input.indexOf('"', from);
  return close === -1 ? input.length : close + 1;
}
