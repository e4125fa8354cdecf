import fc from 'fast-check';
import { paperTypes, tagNameSchema, type Author, type Paper } from '../../shared/model/library';

/**
 * Runs, seed and timeout of a property test: `FUZZ_RUNS` / `FUZZ_SEED` override them for a long
 * run, and the timeout grows with the runs (about `msPerRun` each).
 */
export function fuzzSettings(defaultRuns: number, msPerRun = 20): { runs: number; seed: number; timeout: number } {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  return { runs, seed: Number(process.env.FUZZ_SEED ?? 20261127), timeout: Math.max(20_000, runs * msPerRun) };
}

/** Text built from a format's dangerous pieces, mixed with arbitrary code units and ASCII. */
export function hostileTextFrom(pieces: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'grapheme-ascii', maxLength: 6 })), { maxLength: 8 })
    .map((parts) => parts.join(''));
}

/** An author in each of the library's three shapes, with names from `text`. */
export function authorFrom(text: fc.Arbitrary<string>): fc.Arbitrary<Author> {
  return fc.oneof(fc.record({ family: text, given: text }), fc.record({ family: text }), fc.record({ literal: text }));
}

/** Those of `text`'s values that are valid tag names. */
export function tagFrom(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return text.map((value) => tagNameSchema.safeParse(value)).filter((result) => result.success).map((result) => result.data as string);
}

/** Arbitraries for the fields every exported paper has (type, title, authors, year, venue, tags). */
export function paperFieldsFrom(text: fc.Arbitrary<string>, types: readonly Paper['type'][] = paperTypes) {
  return {
    type: fc.constantFrom(...types),
    title: text,
    authors: fc.array(authorFrom(text), { maxLength: 3 }),
    year: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }),
    venue: fc.option(text, { nil: undefined }),
    tags: fc.array(tagFrom(text), { maxLength: 3 }),
  };
}
