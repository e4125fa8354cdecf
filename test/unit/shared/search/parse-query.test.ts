import { describe, expect, it } from 'vitest';
import {
  completeQuery,
  fieldNames,
  parseQuery,
  type QueryClause,
  type QueryCompletion,
  type QueryHint,
  type QueryTerm,
} from '../../../../shared/search/parse-query';
import * as parseQueryModule from '../../../../shared/search/parse-query';
import { queryWords } from '../../../../shared/search/query-words';

it('exposes the public API', () => {
  expect(Object.keys(parseQueryModule).sort()).toEqual(['completeQuery', 'fieldNames', 'hasValues', 'parseQuery']);
  expect(fieldNames).toEqual(['title', 'author', 'venue', 'abstract', 'tag', 'year', 'status', 'decision', 'has', 'fulltext']);
});

const word = (text: string, negated = false): QueryTerm => ({ kind: 'word', text, negated });
const phrase = (text: string, negated = false): QueryTerm => ({ kind: 'phrase', text, negated });

describe('parseQuery: features', () => {
  it.each<[string, QueryClause[]]>([
    ['', []],
    ['   ', []],
    ['reinforcment lerning', [word('reinforcment'), word('lerning')]],
    ['Deep, (Learning)!', [word('deep'), word('learning')]],
    ['"Exact   Phrase"', [phrase('exact phrase')]],
    ['-survey', [word('survey', true)]],
    ['-"literature review"', [phrase('literature review', true)]],
    ['a - b', [word('a'), word('b')]],
    ['a OR b', [{ kind: 'or', terms: [word('a'), word('b')] }]],
    [
      'x a OR "b c" OR -d y',
      [word('x'), { kind: 'or', terms: [word('a'), phrase('b c'), word('d', true)] }, word('y')],
    ],
    ['cats or dogs', [word('cats'), word('or'), word('dogs')]],
    ["don't OR x", [{ kind: 'or', terms: [phrase('don t'), word('x')] }]],
    ['title:Transformers', [{ kind: 'field', field: 'title', value: { kind: 'word', text: 'transformers' }, negated: false }]],
    [
      'TITLE:"Attention Is All"',
      [{ kind: 'field', field: 'title', value: { kind: 'phrase', text: 'attention is all' }, negated: false }],
    ],
    ['author:Smith,', [{ kind: 'field', field: 'author', value: { kind: 'word', text: 'smith' }, negated: false }]],
    ['-venue:arxiv', [{ kind: 'field', field: 'venue', value: { kind: 'word', text: 'arxiv' }, negated: true }]],
    ['abstract:rlhf', [{ kind: 'field', field: 'abstract', value: { kind: 'word', text: 'rlhf' }, negated: false }]],
    [
      'fulltext:"policy gradient"',
      [{ kind: 'field', field: 'fulltext', value: { kind: 'phrase', text: 'policy gradient' }, negated: false }],
    ],
    ['title:foo|bar', [{ kind: 'field', field: 'title', value: { kind: 'phrase', text: 'foo bar' }, negated: false }]],
    ['tag:Important', [{ kind: 'tag', name: 'Important', negated: false }]],
    ['tag:"to read"', [{ kind: 'tag', name: 'to read', negated: false }]],
    ['-tag:method/rl', [{ kind: 'tag', name: 'method/rl', negated: true }]],
    ['Tag:a:b', [{ kind: 'tag', name: 'a:b', negated: false }]],
    ['year:2023', [{ kind: 'year', op: 'eq', from: 2023, to: 2023, negated: false }]],
    ['year:2020..2024', [{ kind: 'year', op: 'range', from: 2020, to: 2024, negated: false }]],
    ['year:2020-2024', [{ kind: 'year', op: 'range', from: 2020, to: 2024, negated: false }]],
    ['year:2020..', [{ kind: 'year', op: 'gte', from: 2020, negated: false }]],
    ['year:..2010', [{ kind: 'year', op: 'lte', to: 2010, negated: false }]],
    ['year:>=2022', [{ kind: 'year', op: 'gte', from: 2022, negated: false }]],
    ['year:>2022', [{ kind: 'year', op: 'gt', from: 2022, negated: false }]],
    ['year:<=1999', [{ kind: 'year', op: 'lte', to: 1999, negated: false }]],
    ['year:<1999', [{ kind: 'year', op: 'lt', to: 1999, negated: false }]],
    ['year:=2001', [{ kind: 'year', op: 'eq', from: 2001, to: 2001, negated: false }]],
    ['-year:"2019"', [{ kind: 'year', op: 'eq', from: 2019, to: 2019, negated: true }]],
    ['status:unread', [{ kind: 'status', value: 'unread', negated: false }]],
    ['STATUS:Reading', [{ kind: 'status', value: 'reading', negated: false }]],
    ['-status:read', [{ kind: 'status', value: 'read', negated: true }]],
    ['decision:include', [{ kind: 'decision', value: 'include', negated: false }]],
    ['decision:maybe', [{ kind: 'decision', value: 'maybe', negated: false }]],
    ['decision:exclude', [{ kind: 'decision', value: 'exclude', negated: false }]],
    ['decision:undecided', [{ kind: 'decision', value: 'undecided', negated: false }]],
    ['has:pdf', [{ kind: 'has', value: 'pdf', negated: false }]],
    ['has:notes', [{ kind: 'has', value: 'notes', negated: false }]],
    ['-has:abstract', [{ kind: 'has', value: 'abstract', negated: true }]],
    ['has:annotations', [{ kind: 'has', value: 'annotations', negated: false }]],
    [
      'tag:a OR tag:b status:read',
      [
        { kind: 'or', terms: [{ kind: 'tag', name: 'a', negated: false }, { kind: 'tag', name: 'b', negated: false }] },
        { kind: 'status', value: 'read', negated: false },
      ],
    ],
    ['"a"b', [phrase('a'), word('b')]],
  ])('%j', (input, clauses) => {
    expect(parseQuery(input)).toEqual({ clauses, hints: [] });
  });

  it.each(['Reinforcement-Learning!', "don't stop", 'a|b^c', '--x--', '¿Qué? «año» 𝑥', '...', 'ÄBC,def'])(
    'normalizes free words like queryWords: %j',
    (input) => {
      const words = parseQuery(input).clauses.map((clause) => (clause.kind === 'word' ? clause.text : '?'));
      expect([...new Set(words)]).toEqual(queryWords(input));
    },
  );
});

describe('parseQuery: hints', () => {
  it.each<[string, QueryClause[], QueryHint[]]>([
    [
      'autor:smith',
      [word('smith')],
      [{ start: 0, end: 6, message: 'Unknown field “autor”. Did you mean author:?' }],
    ],
    [
      'x -titel:"deep rl"',
      [word('x'), phrase('deep rl', true)],
      [{ start: 3, end: 9, message: 'Unknown field “titel”. Did you mean title:?' }],
    ],
    ['stat:read', [word('read')], [{ start: 0, end: 5, message: 'Unknown field “stat”. Did you mean status:?' }]],
    ['re:invent', [word('re:invent')], [{ start: 0, end: 3, message: 'Unknown field “re”; searching “re:invent” as text.' }]],
    [
      'bert: pretraining',
      [word('bert'), word('pretraining')],
      [{ start: 0, end: 5, message: 'Unknown field “bert”; searching “bert:” as text.' }],
    ],
    [
      'status:done',
      [],
      [{ start: 7, end: 11, message: 'Unknown status “done”. Use unread, reading or read.' }],
    ],
    ['status:raed', [], [{ start: 7, end: 11, message: 'Unknown status “raed”. Did you mean status:read?' }]],
    [
      'decision:yes',
      [],
      [{ start: 9, end: 12, message: 'Unknown decision “yes”. Use undecided, include, maybe or exclude.' }],
    ],
    ['has:note', [], [{ start: 4, end: 8, message: 'Unknown has: value “note”. Did you mean has:notes?' }]],
    [
      'year:20x4 rl',
      [word('rl')],
      [{ start: 5, end: 9, message: '“20x4” is not a year. Use year:2023, year:2020..2024 or year:>=2022.' }],
    ],
    [
      'year:-2020',
      [],
      [{ start: 5, end: 10, message: '“-2020” is not a year. Use year:2023, year:2020..2024 or year:>=2022.' }],
    ],
    [
      'year:2024..2020',
      [{ kind: 'year', op: 'range', from: 2020, to: 2024, negated: false }],
      [{ start: 5, end: 15, message: 'Years reversed; searching year:2020..2024.' }],
    ],
    [
      'a "unclosed  Phrase',
      [word('a'), phrase('unclosed phrase')],
      [{ start: 2, end: 19, message: 'Missing closing quote; everything after it is read as one phrase.' }],
    ],
    [
      'tag:"to read',
      [{ kind: 'tag', name: 'to read', negated: false }],
      [{ start: 4, end: 12, message: 'Missing closing quote; everything after it is read as one phrase.' }],
    ],
    ['a ""', [word('a')], [{ start: 2, end: 4, message: 'Empty quotes are ignored.' }]],
    ['OR a', [word('a')], [{ start: 0, end: 2, message: '“OR” needs a term on both sides.' }]],
    ['a OR', [word('a')], [{ start: 2, end: 4, message: '“OR” needs a term on both sides.' }]],
    [
      'a OR OR b',
      [{ kind: 'or', terms: [word('a'), word('b')] }],
      [{ start: 5, end: 7, message: '“OR” needs a term on both sides.' }],
    ],
    ['title: x', [word('x')], [{ start: 0, end: 6, message: '“title:” needs a word or "a phrase".' }]],
    [
      'tag:-draft',
      [],
      [{ start: 4, end: 10, message: 'Tag names cannot start with “-”. To leave a tag out, write -tag:draft.' }],
    ],
    ['-tag:""', [], [{ start: 1, end: 7, message: '“tag:” needs a tag name.' }]],
    ['year:', [], [{ start: 0, end: 5, message: '“year:” needs a year: 2023, 2020..2024 or >=2022.' }]],
    ['has:', [], [{ start: 0, end: 4, message: '“has:” needs a value: pdf, notes, abstract or annotations.' }]],
    ['author:!!', [], [{ start: 0, end: 9, message: '“author:” needs a word or "a phrase".' }]],
    [
      'a OR status:done',
      [word('a')],
      [{ start: 12, end: 16, message: 'Unknown status “done”. Use unread, reading or read.' }],
    ],
  ])('%j', (input, clauses, hints) => {
    expect(parseQuery(input)).toEqual({ clauses, hints });
  });
});

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = [
  ' ', ' ', ' ', '"', '-', ':', 'OR', 'or', '..', '>=', '<', '=', '|', "'", '(', ')', '\t', '\n', 'é', '𝑥', '\u0000',
  'title:', 'autor:', 'tag:', 'year:', 'status:', 'decision:', 'has:', 'fulltext:', 'venue:', 'x:',
  '2020', '20x4', 'read', 'pdf', 'deep', 'a', 'Z', '\ud800',
];

describe('parseQuery: never throws', () => {
  it('survives 2,000 seeded random inputs, with every hint inside the input', () => {
    const random = seededRandom(20_260_127);
    for (let round = 0; round < 2000; round += 1) {
      const length = Math.floor(random() * 40);
      let input = '';
      for (let index = 0; index < length; index += 1) {
        input +=
          random() < 0.7
            ? (pieces[Math.floor(random() * pieces.length)] ?? '')
            : String.fromCharCode(Math.floor(random() * 0x3000));
      }
      const parsed = parseQuery(input);
      for (const hint of parsed.hints) {
        expect(hint.start, input).toBeGreaterThanOrEqual(0);
        expect(hint.end, input).toBeLessThanOrEqual(input.length);
        expect(hint.start, input).toBeLessThanOrEqual(hint.end);
        expect(hint.message.length, input).toBeGreaterThan(0);
      }
      const cursor = Math.floor(random() * (input.length + 1));
      for (const completion of completeQuery(input, cursor, { tags: ['to read', 'a'], venues: ['NeurIPS'] })) {
        expect(completion.replaceFrom, input).toBeGreaterThanOrEqual(0);
        expect(completion.replaceFrom, input).toBeLessThanOrEqual(completion.replaceTo);
        expect(completion.replaceTo, input).toBeLessThanOrEqual(input.length);
      }
    }
  });

  it.each([
    ['a long run of punctuation', 'a' + '.'.repeat(10_000) + 'b'],
    ['a long unclosed quote', '"' + 'word '.repeat(2_000)],
    ['many fields', 'title:x tag:"y" year:2020..2024 OR '.repeat(300)],
    ['a long field-like name', 'a'.repeat(10_000) + ':'],
    ['many colons', 'x:'.repeat(5_000)],
  ])(
    'parses %s of 10 KB (a quadratic pattern would hang until the timeout)',
    (_, input) => {
      const parsed = parseQuery(input);
      expect(Array.isArray(parsed.clauses)).toBe(true);
      expect(Array.isArray(completeQuery(input, input.length, { tags: [], venues: [] }))).toBe(true);
    },
    // A hang guard, not a speed target: speed is measured by `npm run bench`.
    30_000,
  );
});

const known = {
  tags: ['to read', 'method/rl', 'method/supervised', 'Topology', 'reading-group'],
  venues: ['NeurIPS', 'ICML', 'Advances in Neural Information Processing Systems'],
};

describe('completeQuery', () => {
  it('offers every field name where a term starts', () => {
    expect(completeQuery('deep ', 5, known).map((completion) => completion.label)).toEqual(fieldNames.map((name) => `${name}:`));
  });

  it.each<[string, number, QueryCompletion[]]>([
    ['ti', 2, [{ label: 'title:', insert: 'title:', replaceFrom: 0, replaceTo: 2 }]],
    ['rl AU', 5, [{ label: 'author:', insert: 'author:', replaceFrom: 3, replaceTo: 5 }]],
    ['-ta', 3, [{ label: 'tag:', insert: 'tag:', replaceFrom: 1, replaceTo: 3 }]],
    [
      'a', 1,
      [
        { label: 'author:', insert: 'author:', replaceFrom: 0, replaceTo: 1 },
        { label: 'abstract:', insert: 'abstract:', replaceFrom: 0, replaceTo: 1 },
      ],
    ],
    ['ti foo', 2, [{ label: 'title:', insert: 'title:', replaceFrom: 0, replaceTo: 2 }]],
    ['title:x', 2, [{ label: 'title:', insert: 'title:', replaceFrom: 0, replaceTo: 6 }]],
    ['xyz', 3, []],
    ['"ti', 3, []],
    ['10:3', 4, []],
    [
      'tag:to', 6,
      [
        { label: 'to read', insert: '"to read"', replaceFrom: 4, replaceTo: 6 },
        { label: 'Topology', insert: 'Topology', replaceFrom: 4, replaceTo: 6 },
      ],
    ],
    [
      'tag:meth', 8,
      [
        { label: 'method/rl', insert: 'method/rl', replaceFrom: 4, replaceTo: 8 },
        { label: 'method/supervised', insert: 'method/supervised', replaceFrom: 4, replaceTo: 8 },
      ],
    ],
    [
      '-tag:"to r', 10,
      [{ label: 'to read', insert: '"to read"', replaceFrom: 5, replaceTo: 10 }],
    ],
    [
      'tag:rea x', 7,
      [
        { label: 'reading-group', insert: 'reading-group', replaceFrom: 4, replaceTo: 7 },
        { label: 'to read', insert: '"to read"', replaceFrom: 4, replaceTo: 7 },
      ],
    ],
    ['tag:mexx y', 6, [
      { label: 'method/rl', insert: 'method/rl', replaceFrom: 4, replaceTo: 8 },
      { label: 'method/supervised', insert: 'method/supervised', replaceFrom: 4, replaceTo: 8 },
    ]],
    ['tag:"to read"', 13, []],
    [
      'venue:neur', 10,
      [
        { label: 'NeurIPS', insert: 'NeurIPS', replaceFrom: 6, replaceTo: 10 },
        { label: 'Advances in Neural Information Processing Systems', insert: '"Advances in Neural Information Processing Systems"', replaceFrom: 6, replaceTo: 10 },
      ],
    ],
    [
      'status:', 7,
      [
        { label: 'unread', insert: 'unread', replaceFrom: 7, replaceTo: 7 },
        { label: 'reading', insert: 'reading', replaceFrom: 7, replaceTo: 7 },
        { label: 'read', insert: 'read', replaceFrom: 7, replaceTo: 7 },
      ],
    ],
    ['decision:m', 10, [{ label: 'maybe', insert: 'maybe', replaceFrom: 9, replaceTo: 10 }]],
    [
      'HAS:a', 5,
      [
        { label: 'abstract', insert: 'abstract', replaceFrom: 4, replaceTo: 5 },
        { label: 'annotations', insert: 'annotations', replaceFrom: 4, replaceTo: 5 },
      ],
    ],
    ['year:20', 7, []],
    ['title:x', 7, []],
    ['autor:x', 7, []],
  ])('%j at %i', (input, cursor, completions) => {
    expect(completeQuery(input, cursor, known)).toEqual(completions);
  });

  it('clamps a cursor outside the input', () => {
    expect(completeQuery('ti', 99, known)).toEqual(completeQuery('ti', 2, known));
    expect(completeQuery('ti', -3, known)).toEqual(completeQuery('', 0, known));
  });

  it('offers at most 20 tags', () => {
    const tags = Array.from({ length: 50 }, (_, index) => `t${index}`);
    expect(completeQuery('tag:', 4, { tags, venues: [] })).toHaveLength(20);
  });
});
