/**
 * Property-based fuzzing of the query parser with a fixed seed (`npm run fuzz` runs it longer, with
 * a random seed and a time budget). No time is asserted: the timeout only stops a hang.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../shared/search/parse-query';
import { checkQuery, queryInputs } from '../../../fuzz/query-properties';

const SEED = 20_261_127;

describe('fuzzed parseQuery', () => {
  it('never throws or pollutes a prototype; hints lie inside the input; terms are well formed', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(queryInputs('small'), fc.nat(), (input, cursor) => {
        checkQuery(input, cursor % (input.length + 1));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('one token of 200,000 words (a=a=a…) gives 200,000 terms (found by fuzzing: push(...terms) overflowed the stack)', () => {
    const parsed = parseQuery('a='.repeat(200_000));
    expect(parsed.clauses).toHaveLength(200_000);
    expect(parsed.clauses[0]).toEqual({ kind: 'word', text: 'a', negated: false });
    expect(parsed.hints).toEqual([]);
  });

  it.each([
    ['100,000 quotes', '"'.repeat(100_000)],
    ['100,000 minus signs', '-'.repeat(100_000)],
    ['50,000 ORs', 'OR '.repeat(50_000)],
    ['50,000 field names', 'a:'.repeat(50_000)],
    ['a 100,000-letter field name', `${'a'.repeat(100_000)}:x`],
    ['a 100,000-letter status', `status:${'r'.repeat(100_000)}`],
    ['lone surrogates', '\uD800 tag:\uDC00 "\uD800'],
    ['prototype member names as fields', '__proto__:x constructor:y toString:z status:constructor has:__proto__ decision:valueOf'],
  ])('%s: parsed, with hints instead of an error', { timeout: 20_000 }, (_name, input) => {
    checkQuery(input);
    expect(Array.isArray(parseQuery(input).hints)).toBe(true);
  });
});
