/**
 * What the query parser must do with any text, and the queries that try it. Shared by the
 * fixed-seed unit test (test/unit/shared/search/fuzz-query.test.ts) and `npm run fuzz`.
 *
 * Properties: `parseQuery` and `completeQuery` return (never throw) and leave the built-in
 * prototypes alone; hints are ranges inside the input with a message; every term has a known kind,
 * text terms have non-empty text, years are whole numbers from 0 to 9999 with `from <= to`; an OR
 * group has two terms or more; the result survives JSON (it is sent over IPC and saved).
 */

import fc from 'fast-check';
import { completeQuery, parseQuery, type ParsedQuery, type QueryTerm } from '../../shared/search/parse-query';
import { repeatedPattern, type FuzzScale, type FuzzTarget, type Timer } from './importer-properties';
import { prototypeChanges, prototypeSnapshot } from './prototype-guard';

const QUERY_TOKENS = [
  'deep', 'learning', 'Ab', 'OR', 'or', 'OR OR', '-', '--', '"', '""', '" "', ' ', '  ', '\t', '\n', ':', '::', 'tag:', '-tag:', 'tag:-x',
  'tag:"to read"', 'tag:method/rl', 'author:', 'title:', 'venue:', 'abstract:', 'fulltext:', 'year:', 'year:2020', 'year:2020..2024',
  'year:2024..2020', 'year:..2020', 'year:2020..', 'year:..', 'year:-2020', 'year:2020-', 'year:>=2022', 'year:>', 'year:<1', 'year:=9999',
  'year:99999', 'year:1e400', 'status:', 'status:read', 'status:red', 'decision:', 'decision:include', 'has:', 'has:pdf', 'has:pfd',
  'titel:', 're:invent', 'bert:', '__proto__:', 'constructor:', 'toString:', 'prototype', '\uD800', '\uDC00', 'é', '\u0301', '\u00A0',
  '\u2028', '\uFEFF', '(', ')', '*', '\\', "'", '=', '!', '^', '$', '|', '0', '2023', '99999999999999999999',
];

const KNOWN = {
  tags: ['method', 'method/rl', 'to read', '__proto__', 'constructor', 'Read'],
  venues: ['NeurIPS', 'ICML', 'constructor'],
};

export function queryInputs(scale: FuzzScale): fc.Arbitrary<string> {
  const maxLength = scale === 'small' ? 40 : 2000;
  const repeat = scale === 'small' ? 2000 : 200_000;
  return fc.oneof(
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: maxLength * 4 }) },
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...QUERY_TOKENS), { maxLength }).map((parts) => parts.join('')) },
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...QUERY_TOKENS), { maxLength }).map((parts) => parts.join(' ')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('"', '-', 'OR ', 'a:', 'year:', 'tag:', '- ', '!', 'aaaa', '"a" ', '-"'), fc.integer({ min: 1, max: repeat }))
        .map(([token, count]) => token.repeat(count)),
    },
    { weight: 2, arbitrary: repeatedPattern(QUERY_TOKENS, scale) },
  );
}

/** Throws an Error that says what is wrong with `parseQuery(input)` or a completion of it. */
export function checkQuery(input: string, cursor = input.length, time: Timer = (parse) => parse()): void {
  const before = prototypeSnapshot();
  let parsed: ParsedQuery;
  try {
    parsed = time(() => parseQuery(input));
    time(() => completeQuery(input, cursor, KNOWN));
  } catch (error) {
    throw new Error(`parseQuery threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  const changes = prototypeChanges(before);
  if (changes.length > 0) throw new Error(`prototype pollution: ${changes.join('; ')}`);

  for (const hint of parsed.hints) {
    if (!Number.isInteger(hint.start) || !Number.isInteger(hint.end) || hint.start < 0 || hint.end < hint.start || hint.end > input.length) {
      throw new Error(`hint ${hint.start}..${hint.end} outside 0..${input.length}: ${hint.message}`);
    }
    if (hint.message.trim() === '') throw new Error('a hint without a message');
  }
  for (const clause of parsed.clauses) {
    if (clause.kind === 'or') {
      if (clause.terms.length < 2) throw new Error(`an OR group of ${clause.terms.length} term`);
      clause.terms.forEach(checkTerm);
    } else {
      checkTerm(clause);
    }
  }
  if (JSON.stringify(JSON.parse(JSON.stringify(parsed))) !== JSON.stringify(parsed)) throw new Error('the parsed query does not survive JSON');
}

function checkTerm(term: QueryTerm): void {
  if (typeof term.negated !== 'boolean') throw new Error(`a ${term.kind} term without negated`);
  switch (term.kind) {
    case 'word':
    case 'phrase':
      if (term.text.length === 0) throw new Error(`an empty ${term.kind}`);
      return;
    case 'field':
      if (term.value.text.length === 0) throw new Error(`an empty ${term.field}: value`);
      return;
    case 'tag':
      if (term.name.length === 0 || term.name.startsWith('-')) throw new Error(`tag term ${JSON.stringify(term.name)}`);
      return;
    case 'year': {
      const years = [('from' in term ? term.from : 0), ('to' in term ? term.to : 9999)];
      if (!years.every((year) => Number.isInteger(year) && year >= 0 && year <= 9999)) throw new Error(`year term ${JSON.stringify(term)}`);
      if ((years[0] ?? 0) > (years[1] ?? 0)) throw new Error(`year range reversed: ${JSON.stringify(term)}`);
      return;
    }
    case 'status':
    case 'decision':
    case 'has':
      return;
    default:
      throw new Error(`unknown term ${JSON.stringify(term)}`);
  }
}

export const queryTarget: FuzzTarget = {
  name: 'query',
  inputs: queryInputs,
  check: (input, time) => {
    checkQuery(input, input.length, time);
    checkQuery(input, Math.floor(input.length / 2), time);
  },
};
