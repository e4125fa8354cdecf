import type { ReadStatus, ScreeningDecision } from '../model/library';
import { lexQuery, type QueryToken } from './query/lex-query';
import {
  enumeratedValues,
  fieldNames,
  isEnumeratedField,
  isFieldName,
  isTextField,
  type EnumeratedField,
  type FieldName,
  type HasValue,
  type TextField,
} from './query/query-fields';
import { closestOption, normalizePhrase, normalizeWords, oneOf } from './query/query-text';

export { fieldNames, hasValues, type FieldName, type HasValue, type TextField } from './query/query-fields';
export { completeQuery, type QueryCompletion } from './query/complete-query';

/**
 * What a text field is matched against: one normalized word (fuzzy) or a phrase (exact,
 * lower-cased, white space collapsed).
 */
export type TextValue = { kind: 'word'; text: string } | { kind: 'phrase'; text: string };

/**
 * A year condition. `eq` and `range` carry both bounds (equal for `eq`), inclusive; `gte`/`gt`
 * carry only `from`, `lte`/`lt` only `to`.
 */
export type YearTerm = { kind: 'year'; negated: boolean } & (
  | { op: 'eq' | 'range'; from: number; to: number }
  | { op: 'gte' | 'gt'; from: number }
  | { op: 'lte' | 'lt'; to: number }
);

/** One condition on a paper. `negated` terms must not match (`-word`, `-tag:x`, `-has:pdf`). */
export type QueryTerm =
  /** A free word, normalized like `queryWords`: matched fuzzily anywhere. */
  | { kind: 'word'; text: string; negated: boolean }
  /** `"exact phrase"`, lower-cased, white space collapsed. */
  | { kind: 'phrase'; text: string; negated: boolean }
  | { kind: 'field'; field: TextField; value: TextValue; negated: boolean }
  /** A tag name as typed (case kept), nested names included: `tag:method/rl`, `tag:"to read"`. */
  | { kind: 'tag'; name: string; negated: boolean }
  | YearTerm
  | { kind: 'status'; value: ReadStatus; negated: boolean }
  | { kind: 'decision'; value: ScreeningDecision; negated: boolean }
  | { kind: 'has'; value: HasValue; negated: boolean };

/** Terms joined by `OR`: at least one must match. */
export interface OrGroup {
  kind: 'or';
  terms: QueryTerm[];
}

/** Every clause must match. */
export type QueryClause = QueryTerm | OrGroup;

/** A problem in the query, as a range of the input (UTF-16 indices, `end` exclusive) to underline. */
export interface QueryHint {
  start: number;
  end: number;
  message: string;
}

export interface ParsedQuery {
  /** A conjunction: a paper matches when every clause does. Empty for an empty query. */
  clauses: QueryClause[];
  hints: QueryHint[];
}

type Item = { kind: 'or'; start: number; end: number } | { kind: 'operand'; terms: QueryTerm[] };

/**
 * Parses the search box's query language. Never throws: whatever cannot be understood is left out
 * of the clauses (or searched as text) and explained in a hint. `OR` (upper case only) binds
 * tighter than the implicit AND between terms: `a b OR c d` is a ∧ (b ∨ c) ∧ d.
 */
export function parseQuery(input: string): ParsedQuery {
  const hints: QueryHint[] = [];
  const items: Item[] = [];
  for (const token of lexQuery(input)) {
    if (isOr(token)) items.push({ kind: 'or', start: token.start, end: token.end });
    else if (token.field !== undefined || token.quoted || token.value.length > 0) {
      items.push({ kind: 'operand', terms: termsOf(token, input.length, hints) });
    }
    // Otherwise a lone `-`: ignored.
  }
  const clauses = groupClauses(items, hints);
  hints.sort((a, b) => a.start - b.start);
  return { clauses, hints };
}

function isOr(token: QueryToken): boolean {
  return !token.negated && token.field === undefined && !token.quoted && token.value === 'OR';
}

function groupClauses(items: readonly Item[], hints: QueryHint[]): QueryClause[] {
  const groups: QueryTerm[][][] = [];
  let pendingOr: { start: number; end: number } | undefined;
  let previous: Item | undefined;
  for (const item of items) {
    if (item.kind === 'or') {
      if (previous === undefined || previous.kind === 'or') hints.push(danglingOr(item));
      else pendingOr = item;
    } else if (pendingOr !== undefined) {
      groups[groups.length - 1]?.push(item.terms);
      pendingOr = undefined;
    } else {
      groups.push([item.terms]);
    }
    previous = item;
  }
  if (pendingOr !== undefined) hints.push(danglingOr(pendingOr));

  const clauses: QueryClause[] = [];
  for (const group of groups) {
    if (group.length === 1) {
      // Not push(...): one token can normalize into 200,000 words, too many arguments for the stack.
      for (const term of group[0] ?? []) clauses.push(term);
      continue;
    }
    // An operand of OR must be one term; a bare token that normalized into several words
    // (`don't` → don, t) is kept together as a phrase.
    const terms = group.flatMap((operand) => (operand.length > 1 ? [joinWords(operand)] : operand));
    if (terms.length === 1 && terms[0] !== undefined) clauses.push(terms[0]);
    else if (terms.length > 1) clauses.push({ kind: 'or', terms });
  }
  return clauses;
}

function danglingOr(range: { start: number; end: number }): QueryHint {
  return { start: range.start, end: range.end, message: '“OR” needs a term on both sides.' };
}

function joinWords(terms: readonly QueryTerm[]): QueryTerm {
  const text = terms.map((term) => (term.kind === 'word' ? term.text : '')).join(' ');
  return { kind: 'phrase', text, negated: terms[0]?.negated ?? false };
}

function termsOf(token: QueryToken, inputLength: number, hints: QueryHint[]): QueryTerm[] {
  const { negated } = token;
  if (token.quoted && !token.closed) {
    hints.push({
      start: token.valueStart,
      end: inputLength,
      message: 'Missing closing quote; everything after it is read as one phrase.',
    });
  }
  if (token.field === undefined) return freeText(token, hints);

  const name = token.field.toLowerCase();
  if (!isFieldName(name)) return unknownField(token, hints);
  const valueRange = { start: token.valueStart, end: token.end };
  if (token.value.trim().length === 0) {
    hints.push({ start: token.fieldStart, end: token.end, message: emptyValueMessage(name) });
    return [];
  }
  if (isTextField(name)) {
    const value = textValue(token);
    if (value === undefined) {
      hints.push({ start: token.fieldStart, end: token.end, message: emptyValueMessage(name) });
      return [];
    }
    return [{ kind: 'field', field: name, value, negated }];
  }
  if (name === 'tag') {
    const tag = token.value.trim();
    if (tag.startsWith('-')) {
      // Tag names cannot start with "-" (see tagNameSchema), so this was meant as a negation.
      hints.push({ ...valueRange, message: `Tag names cannot start with “-”. To leave a tag out, write -tag:${tag.slice(1)}.` });
      return [];
    }
    return [{ kind: 'tag', name: tag, negated }];
  }
  if (name === 'year') {
    const parsed = parseYear(token.value.trim());
    if (parsed === undefined) {
      hints.push({
        ...valueRange,
        message: `“${token.value}” is not a year. Use year:2023, year:2020..2024 or year:>=2022.`,
      });
      return [];
    }
    if (parsed.swapped && parsed.term.op === 'range') {
      hints.push({ ...valueRange, message: `Years reversed; searching year:${parsed.term.from}..${parsed.term.to}.` });
    }
    return [{ ...parsed.term, negated }];
  }
  if (isEnumeratedField(name)) return enumerated(name, token, hints);
  return [];
}

function freeText(token: QueryToken, hints: QueryHint[]): QueryTerm[] {
  const { negated } = token;
  if (token.quoted) {
    const text = normalizePhrase(token.value);
    if (text.length > 0) return [{ kind: 'phrase', text, negated }];
    if (token.closed) hints.push({ start: token.start, end: token.end, message: 'Empty quotes are ignored.' });
    return [];
  }
  return normalizeWords(token.value).map((text) => ({ kind: 'word', text, negated }));
}

function unknownField(token: QueryToken, hints: QueryHint[]): QueryTerm[] {
  const typed = token.field ?? '';
  const range = { start: token.fieldStart, end: token.valueStart };
  const suggestion = closestOption(typed, fieldNames);
  if (suggestion !== undefined) {
    // Probably a misspelt field: search its value everywhere until the name is fixed.
    hints.push({ ...range, message: `Unknown field “${typed}”. Did you mean ${suggestion}:?` });
    return freeText(token, hints);
  }
  // Nothing like a field ("re:invent", "bert:"): the user meant the text itself.
  const text = token.quoted ? token.value : `${typed}:${token.value}`;
  hints.push({ ...range, message: `Unknown field “${typed}”; searching “${text}” as text.` });
  return freeText({ ...token, value: text }, hints);
}

function textValue(token: QueryToken): TextValue | undefined {
  if (token.quoted) {
    const text = normalizePhrase(token.value);
    return text.length > 0 ? { kind: 'phrase', text } : undefined;
  }
  const words = normalizeWords(token.value);
  if (words.length === 0) return undefined;
  return words.length === 1 ? { kind: 'word', text: words[0] ?? '' } : { kind: 'phrase', text: words.join(' ') };
}

function emptyValueMessage(field: FieldName): string {
  if (isTextField(field)) return `“${field}:” needs a word or "a phrase".`;
  if (field === 'tag') return '“tag:” needs a tag name.';
  if (field === 'year') return '“year:” needs a year: 2023, 2020..2024 or >=2022.';
  return `“${field}:” needs a value: ${oneOf(enumeratedValues[field])}.`;
}

const enumeratedLabels: Record<EnumeratedField, string> = { status: 'status', decision: 'decision', has: 'has: value' };

function enumerated(field: EnumeratedField, token: QueryToken, hints: QueryHint[]): QueryTerm[] {
  const { negated } = token;
  const value = token.value.trim().toLowerCase();
  const options: readonly string[] = enumeratedValues[field];
  if (options.includes(value)) {
    // Narrowed by the check above; TypeScript cannot follow `includes` to the literal types.
    if (field === 'status') return [{ kind: 'status', value: value as ReadStatus, negated }];
    if (field === 'decision') return [{ kind: 'decision', value: value as ScreeningDecision, negated }];
    return [{ kind: 'has', value: value as HasValue, negated }];
  }
  const suggestion = closestOption(value, options);
  const advice = suggestion === undefined ? `Use ${oneOf(options)}.` : `Did you mean ${field}:${suggestion}?`;
  hints.push({
    start: token.valueStart,
    end: token.end,
    message: `Unknown ${enumeratedLabels[field]} “${token.value}”. ${advice}`,
  });
  return [];
}

type YearCondition = YearTerm extends infer T ? (T extends unknown ? Omit<T, 'negated'> : never) : never;

const YEAR = /^\d{1,4}$/;
const YEAR_RANGE = /^(\d{0,4})(\.\.|-)(\d{0,4})$/;
const YEAR_COMPARISON = /^(>=|<=|>|<|=)(\d{1,4})$/;

/** `2023`, `2020..2024` (or `2020-2024`, either end open), `>=2022`, `>2022`, `<=2022`, `<2022`, `=2022`. */
function parseYear(value: string): { term: YearCondition; swapped: boolean } | undefined {
  if (YEAR.test(value)) {
    const year = Number(value);
    return { term: { kind: 'year', op: 'eq', from: year, to: year }, swapped: false };
  }
  const range = YEAR_RANGE.exec(value);
  if (range !== null) {
    const [, first = '', separator, second = ''] = range;
    // Only `..` may leave an end open: `year:-2020` is more likely a misplaced negation.
    if ((first === '' || second === '') && separator !== '..') return undefined;
    if (first === '' && second === '') return undefined;
    if (second === '') return { term: { kind: 'year', op: 'gte', from: Number(first) }, swapped: false };
    if (first === '') return { term: { kind: 'year', op: 'lte', to: Number(second) }, swapped: false };
    const from = Math.min(Number(first), Number(second));
    const to = Math.max(Number(first), Number(second));
    return { term: { kind: 'year', op: 'range', from, to }, swapped: Number(first) > Number(second) };
  }
  const comparison = YEAR_COMPARISON.exec(value);
  if (comparison === null) return undefined;
  const [, operator, digits = ''] = comparison;
  const year = Number(digits);
  switch (operator) {
    case '>=':
      return { term: { kind: 'year', op: 'gte', from: year }, swapped: false };
    case '>':
      return { term: { kind: 'year', op: 'gt', from: year }, swapped: false };
    case '<=':
      return { term: { kind: 'year', op: 'lte', to: year }, swapped: false };
    case '<':
      return { term: { kind: 'year', op: 'lt', to: year }, swapped: false };
    default:
      return { term: { kind: 'year', op: 'eq', from: year, to: year }, swapped: false };
  }
}
