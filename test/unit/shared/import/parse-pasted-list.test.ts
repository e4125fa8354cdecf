import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  detectPasteFormat,
  parsePastedList,
  type PasteFormat,
  type PastedPaper,
} from '../../../../shared/import/parse-pasted-list';
import { arxivListingPage } from '../../../helpers/arxiv-listing';

const FIXTURE = readFileSync(new URL('../../../fixtures/paste/hf-daily-papers.txt', import.meta.url), 'utf8');
const FIXTURE_LINES = FIXTURE.split('\n');
const ALL_FORMATS: PasteFormat[] = ['daily-papers', 'arxiv-listing', 'titles', 'identifiers'];

/** Only the fields a case cares about, so expectations stay readable. */
function pick(paper: PastedPaper): Partial<PastedPaper> {
  const { title, abstract, authors, arxivId, doi, line } = paper;
  const out: Partial<PastedPaper> = { title, line };
  if (abstract !== undefined) out.abstract = abstract;
  if (authors !== undefined) out.authors = authors;
  if (arxivId !== undefined) out.arxivId = arxivId;
  if (doi !== undefined) out.doi = doi;
  return out;
}

/** A deterministic pseudo-random generator, so garbage tests are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('parsePastedList on the real Hugging Face Daily Papers copy', () => {
  const result = parsePastedList(FIXTURE);

  it('detects the daily-papers format', () => {
    expect(detectPasteFormat(FIXTURE)).toBe('daily-papers');
    expect(result.format).toBe('daily-papers');
  });

  it('finds exactly the 66 papers in the file, with no warnings', () => {
    // Counted by hand: titles sit on lines 11, 15, ..., 271 (every fourth line), each followed by a
    // blank line and a one-line abstract; lines 1-9 are page chrome.
    expect(result.papers).toHaveLength(66);
    expect(result.warnings).toEqual([]);
  });

  it('reads the first, second and last titles exactly', () => {
    expect(result.papers[0]?.title).toBe(
      'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences',
    );
    expect(result.papers[0]?.line).toBe(11);
    expect(result.papers[1]?.title).toBe('Data-Juicer: A One-Stop Data Processing System for Large Language Models');
    expect(result.papers[1]?.line).toBe(15);
    expect(result.papers.at(-1)?.title).toBe(
      'Boosting Tool Use of Large Language Models via Iterative Reinforced Fine-Tuning',
    );
    expect(result.papers.at(-1)?.line).toBe(271);
  });

  it('pairs every title with the abstract two lines below it', () => {
    result.papers.forEach((paper, index) => {
      const titleLine = 11 + 4 * index;
      expect(paper.line).toBe(titleLine);
      expect(paper.title).toBe(FIXTURE_LINES[titleLine - 1]);
      expect(paper.abstract).toBe(FIXTURE_LINES[titleLine + 1]);
      expect(paper.abstract?.length ?? 0).toBeGreaterThan(1000);
    });
  });

  it('gives every paper an abstract', () => {
    expect(result.papers.every((paper) => typeof paper.abstract === 'string' && paper.abstract.length > 0)).toBe(true);
  });

  it.each(['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'Mar 14'])(
    'does not turn the chrome line %j into a paper',
    (chrome) => {
      expect(result.papers.some((paper) => paper.title === chrome || paper.abstract === chrome)).toBe(false);
      expect(result.papers.every((paper) => paper.line > 9)).toBe(true);
    },
  );

  it('keeps titles with "?" and inner periods as titles', () => {
    const titles = result.papers.map((paper) => paper.title);
    expect(titles).toContain('When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement');
    expect(titles).toContain('Confidence v.s. Critique: A Decomposition of Self-Correction Capability for LLMs');
  });
});

describe('daily-papers shapes beyond the fixture', () => {
  const pair = (index: number): string => `${FIXTURE_LINES[11 + 4 * index - 1]}\n\n${FIXTURE_LINES[11 + 4 * index + 1]}`;

  it('skips another day\'s chrome by shape, not by exact strings', () => {
    const text = ['Daily Papers', 'by AK and the research community', 'Sign in', 'Feb 28, 2025', '42', pair(0), pair(1), 'Previous', 'Next'].join(
      '\n\n',
    );
    const result = parsePastedList(text);
    expect(result.format).toBe('daily-papers');
    expect(result.papers.map((paper) => paper.title)).toEqual([FIXTURE_LINES[10], FIXTURE_LINES[14]]);
    expect(result.warnings).toEqual([]);
  });

  it('turns a title followed by another title into a paper without abstract, with a warning', () => {
    const text = [pair(0), 'A Paper Listed Without Its Abstract', pair(1)].join('\n\n');
    const result = parsePastedList(text, 'daily-papers');
    expect(result.papers.map(pick)).toEqual([
      { title: FIXTURE_LINES[10], abstract: FIXTURE_LINES[12], line: 1 },
      { title: 'A Paper Listed Without Its Abstract', line: 5 },
      { title: FIXTURE_LINES[14], abstract: FIXTURE_LINES[16], line: 7 },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(5);
  });

  it('warns about an abstract paragraph with no title and makes no paper of it', () => {
    const text = [pair(0), FIXTURE_LINES[16], pair(2)].join('\n\n');
    const result = parsePastedList(text, 'daily-papers');
    expect(result.papers.map((paper) => paper.title)).toEqual([FIXTURE_LINES[10], FIXTURE_LINES[18]]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(5);
  });

  it('splits a title and abstract that were pasted without a blank line between them', () => {
    const text = `${FIXTURE_LINES[10]}\n${FIXTURE_LINES[12]}\n\n${pair(1)}`;
    const result = parsePastedList(text);
    expect(result.papers.map(pick)).toEqual([
      { title: FIXTURE_LINES[10], abstract: FIXTURE_LINES[12], line: 1 },
      { title: FIXTURE_LINES[14], abstract: FIXTURE_LINES[16], line: 4 },
    ]);
  });

  it('still finds all 66 papers when the copy lost its blank lines', () => {
    const result = parsePastedList(FIXTURE_LINES.filter((line) => line.length > 0).join('\n'));
    expect(result.format).toBe('daily-papers');
    expect(result.papers).toHaveLength(66);
    expect(result.papers.every((paper) => (paper.abstract?.length ?? 0) > 1000)).toBe(true);
    expect(result.papers[0]?.title).toBe(FIXTURE_LINES[10]);
    expect(result.papers[0]?.line).toBe(6); // after the five chrome lines
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['Title Case', 10],
    ['sentence case', 258],
  ])('splits a %s title off a hard-wrapped abstract directly under it', (_case, titleIndex) => {
    const title = FIXTURE_LINES[titleIndex] ?? '';
    const abstract = FIXTURE_LINES[titleIndex + 2] ?? '';
    const wrapped = abstract.replace(/(.{1,72})(?: |$)/g, '$1\n').trimEnd();
    const result = parsePastedList(`${title}\n${wrapped}`);
    expect(result.format).toBe('daily-papers');
    expect(result.papers.map(pick)).toEqual([{ title, abstract, line: 1 }]);
  });

  it('joins an abstract that was hard-wrapped over several lines', () => {
    const abstract = FIXTURE_LINES[12] ?? '';
    const wrapped = abstract.replace(/(.{1,72})(?: |$)/g, '$1\n').trimEnd();
    const result = parsePastedList(`${FIXTURE_LINES[10]}\n\n${wrapped}`);
    expect(result.format).toBe('daily-papers');
    expect(result.papers.map(pick)).toEqual([{ title: FIXTURE_LINES[10], abstract, line: 1 }]);
  });
});

describe('arXiv listings', () => {
  const mailing = [
    '------------------------------------------------------------------------------',
    '\\\\',
    'arXiv:2403.01234',
    'Date: Thu, 14 Mar 2024 17:59:59 GMT   (512kb,D)',
    '',
    'Title: A Careful Study of Widgets: Why Sprockets Wrap Over',
    '  Several Lines',
    'Authors: Ada Lovelace, Alan Turing (1), Grace Hopper and',
    '  Edsger Dijkstra ((1) Bletchley Park, UK)',
    'Categories: cs.LG cs.AI',
    'Comments: 12 pages, 3 figures',
    '\\\\',
    '  We study widgets. Widgets are small. Our method wraps over',
    '  two lines of the mailing.',
    '\\\\ ( https://arxiv.org/abs/2403.01234 ,  512kb)',
    '------------------------------------------------------------------------------',
    '\\\\',
    'arXiv:hep-th/9901001',
    'From: Someone <someone@example.org>',
    'Date: Fri, 1 Jan 1999 00:00:00 GMT   (20kb)',
    '',
    'Title: Strings on Old Identifiers',
    'Authors: J. Doe, R. Roe',
    'Comments: 10 pages',
    'Journal-ref: Phys.Lett. B123 (1999) 45-67',
    'DOI: 10.1016/S0370-2693(99)00001-2',
    '\\\\',
    '  An old-style identifier. It has a DOI too.',
    '\\\\ ( https://arxiv.org/abs/hep-th/9901001 ,  20kb)',
  ].join('\n');

  const listingPage = arxivListingPage;

  const labelled = [
    'arXiv:0704.0001',
    'Title: Calculation of Widgets in',
    'the Old Numbering',
    'Authors: C. Balázs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan',
    'Abstract: A fully differential calculation of widgets is presented. It is',
    'wrapped over two lines.',
  ].join('\n');

  const searchResults = [
    '1. arXiv:2401.00001 [pdf, other] cs.LG',
    'Widgets All the Way Down',
    'Authors: Ada Lovelace, Alan Turing',
    'Abstract: Widgets are everywhere. We count them… ▽ More',
    'Widgets are everywhere. We count them all, carefully. △ Less',
    'Submitted 1 January, 2024; originally announced January 2024.',
    'Comments: 8 pages',
  ].join('\n');

  const titlesOnly = ['Title: First Untagged Record', 'Authors: A. One', '', 'Title: Second Untagged Record', 'Authors: B. Two and C. Three'].join(
    '\n',
  );

  it.each([
    {
      name: 'mailing digest with wrapped fields and "\\\\"-delimited abstracts',
      text: mailing,
      papers: [
        {
          title: 'A Careful Study of Widgets: Why Sprockets Wrap Over Several Lines',
          authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
          abstract: 'We study widgets. Widgets are small. Our method wraps over two lines of the mailing.',
          arxivId: '2403.01234',
          line: 6,
        },
        {
          title: 'Strings on Old Identifiers',
          authors: ['J. Doe', 'R. Roe'],
          abstract: 'An old-style identifier. It has a DOI too.',
          arxivId: 'hep-th/9901001',
          doi: '10.1016/S0370-2693(99)00001-2',
          line: 22,
        },
      ],
    },
    {
      name: 'arxiv.org/list page copy, abstract under the headers',
      text: listingPage,
      papers: [
        {
          title: 'Sprocket Tuning for Large Widgets',
          authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'],
          abstract:
            'Sprocket tuning is widely used. We show that it fails on large widgets, and propose a fix that works. Results improve.',
          arxivId: '2403.08763v2',
          line: 5,
        },
        { title: 'A Second Listed Paper', authors: ['Edsger Dijkstra'], arxivId: '2403.08764', line: 12 },
      ],
    },
    {
      name: 'labelled Abstract: field wrapped without indentation',
      text: labelled,
      papers: [
        {
          title: 'Calculation of Widgets in the Old Numbering',
          authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'],
          abstract: 'A fully differential calculation of widgets is presented. It is wrapped over two lines.',
          arxivId: '0704.0001',
          line: 2,
        },
      ],
    },
    {
      name: 'arxiv.org search results (title without label, ▽ More / △ Less)',
      text: searchResults,
      papers: [
        {
          title: 'Widgets All the Way Down',
          authors: ['Ada Lovelace', 'Alan Turing'],
          abstract: 'Widgets are everywhere. We count them all, carefully.',
          arxivId: '2401.00001',
          line: 2,
        },
      ],
    },
    {
      name: 'records that start at Title: without an arXiv line',
      text: titlesOnly,
      papers: [
        { title: 'First Untagged Record', authors: ['A. One'], line: 1 },
        { title: 'Second Untagged Record', authors: ['B. Two', 'C. Three'], line: 4 },
      ],
    },
  ])('parses $name', ({ text, papers }) => {
    expect(detectPasteFormat(text)).toBe('arxiv-listing');
    const result = parsePastedList(text);
    expect(result.format).toBe('arxiv-listing');
    expect(result.papers.map(pick)).toEqual(papers);
    expect(result.warnings).toEqual([]);
  });

  it('warns about a record with no title', () => {
    const result = parsePastedList('arXiv:2403.00001\nAuthors: Nobody\n\narXiv:2403.00002\nTitle: Has a Title', 'arxiv-listing');
    expect(result.papers.map(pick)).toEqual([{ title: 'Has a Title', arxivId: '2403.00002', line: 5 }]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.line).toBe(1);
  });
});

describe('one title per line', () => {
  it.each([
    { text: 'Attention Is All You Need\nDeep Residual Learning for Image Recognition', titles: ['Attention Is All You Need', 'Deep Residual Learning for Image Recognition'], lines: [1, 2] },
    { text: '\n\n  Attention Is All You Need  \n\n\nBERT: Pre-training of Deep Bidirectional Transformers\n', titles: ['Attention Is All You Need', 'BERT: Pre-training of Deep Bidirectional Transformers'], lines: [3, 6] },
    { text: '1. First Title\n2) Second Title\n- Third Title\n* Fourth Title\n• Fifth Title\n[6] Sixth Title', titles: ['First Title', 'Second Title', 'Third Title', 'Fourth Title', 'Fifth Title', 'Sixth Title'], lines: [1, 2, 3, 4, 5, 6] },
    { text: 'When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement\nConfidence v.s. Critique: A Decomposition', titles: ['When, Why and How Much? Adaptive Learning Rate Scheduling by Refinement', 'Confidence v.s. Critique: A Decomposition'], lines: [1, 2] },
    { text: 'Title\twith\t tabs   and  spaces', titles: ['Title with tabs and spaces'], lines: [1] },
  ])('reads $titles', ({ text, titles, lines }) => {
    expect(detectPasteFormat(text)).toBe('titles');
    const result = parsePastedList(text);
    expect(result.format).toBe('titles');
    expect(result.papers.map((paper) => paper.title)).toEqual(titles);
    expect(result.papers.map((paper) => paper.line)).toEqual(lines);
    expect(result.warnings).toEqual([]);
  });

  it('reads a long list of titles with no blank lines as titles, not prose', () => {
    const titles = FIXTURE_LINES.filter((_line, index) => index >= 10 && (index - 10) % 4 === 0).slice(0, 20);
    const text = titles.join('\n');
    expect(text.length).toBeGreaterThan(1000);
    expect(detectPasteFormat(text)).toBe('titles');
    expect(parsePastedList(text).papers.map((paper) => paper.title)).toEqual(titles);
  });

  it('warns about lines with no letters or digits', () => {
    const result = parsePastedList('A Real Title\n-----\nAnother Title', 'titles');
    expect(result.papers.map((paper) => paper.title)).toEqual(['A Real Title', 'Another Title']);
    expect(result.warnings.map((warning) => warning.line)).toEqual([2]);
  });
});

describe('identifier lists', () => {
  it.each([
    ['10.1145/3386569.3392418', { title: '10.1145/3386569.3392418', doi: '10.1145/3386569.3392418' }],
    ['https://doi.org/10.1038/nature14539', { title: '10.1038/nature14539', doi: '10.1038/nature14539' }],
    ['http://dx.doi.org/10.1000/182', { title: '10.1000/182', doi: '10.1000/182' }],
    ['doi.org/10.1000/182', { title: '10.1000/182', doi: '10.1000/182' }],
    ['doi:10.1000/182', { title: '10.1000/182', doi: '10.1000/182' }],
    ['DOI: 10.1000/182.', { title: '10.1000/182', doi: '10.1000/182' }],
    ['https://doi.org/10.1002%2F(SICI)1097-4636', { title: '10.1002/(SICI)1097-4636', doi: '10.1002/(SICI)1097-4636' }],
    ['https://doi.org/10.48550/arXiv.2206.10883', { title: '10.48550/arXiv.2206.10883', doi: '10.48550/arXiv.2206.10883', arxivId: '2206.10883' }],
    ['2206.10883', { title: 'arXiv:2206.10883', arxivId: '2206.10883' }],
    ['2206.10883v3', { title: 'arXiv:2206.10883v3', arxivId: '2206.10883v3' }],
    ['0704.0001', { title: 'arXiv:0704.0001', arxivId: '0704.0001' }],
    ['arXiv:2206.10883v3', { title: 'arXiv:2206.10883v3', arxivId: '2206.10883v3' }],
    ['arxiv: 1706.03762', { title: 'arXiv:1706.03762', arxivId: '1706.03762' }],
    ['hep-th/9901001', { title: 'arXiv:hep-th/9901001', arxivId: 'hep-th/9901001' }],
    ['hep-th/9901001v2', { title: 'arXiv:hep-th/9901001v2', arxivId: 'hep-th/9901001v2' }],
    ['math.GT/0309136', { title: 'arXiv:math.GT/0309136', arxivId: 'math.GT/0309136' }],
    ['arXiv:cond-mat/0102536v1', { title: 'arXiv:cond-mat/0102536v1', arxivId: 'cond-mat/0102536v1' }],
    ['https://arxiv.org/abs/2206.10883v3', { title: 'arXiv:2206.10883v3', arxivId: '2206.10883v3' }],
    ['https://arxiv.org/pdf/2206.10883v3.pdf', { title: 'arXiv:2206.10883v3', arxivId: '2206.10883v3' }],
    ['https://arxiv.org/pdf/2206.10883', { title: 'arXiv:2206.10883', arxivId: '2206.10883' }],
    ['http://export.arxiv.org/abs/hep-th/9901001v1?context=hep-th', { title: 'arXiv:hep-th/9901001v1', arxivId: 'hep-th/9901001v1' }],
    ['arxiv.org/abs/1706.03762/', { title: 'arXiv:1706.03762', arxivId: '1706.03762' }],
    ['<https://arxiv.org/abs/1706.03762>', { title: 'arXiv:1706.03762', arxivId: '1706.03762' }],
  ])('reads %j', (input, expected) => {
    const text = `${input}\n10.1000/182\n`;
    expect(detectPasteFormat(text)).toBe('identifiers');
    const result = parsePastedList(text);
    expect(result.format).toBe('identifiers');
    expect(result.papers.map(pick)).toEqual([
      { ...expected, line: 1 },
      { title: '10.1000/182', doi: '10.1000/182', line: 2 },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a mixed list, several ids on one line, and warns about lines that are not ids', () => {
    const text = ['https://doi.org/10.1038/nature14539', '', 'arXiv:2206.10883v3 hep-th/9901001', 'not an identifier', '2023.12345', '1. 10.1000/182'].join(
      '\r\n',
    );
    const result = parsePastedList(text);
    expect(result.format).toBe('identifiers');
    expect(result.papers.map(pick)).toEqual([
      { title: '10.1038/nature14539', doi: '10.1038/nature14539', line: 1 },
      { title: 'arXiv:2206.10883v3', arxivId: '2206.10883v3', line: 3 },
      { title: 'arXiv:hep-th/9901001', arxivId: 'hep-th/9901001', line: 3 },
      { title: '10.1000/182', doi: '10.1000/182', line: 6 },
    ]);
    // "2023.12345" has month 23, so it is not an arXiv id.
    expect(result.warnings.map((warning) => warning.line)).toEqual([4, 5]);
  });
});

describe('line endings, BOM and whitespace', () => {
  const pasted = FIXTURE_LINES.slice(0, 21).join('\n');
  const expected = parsePastedList(pasted);

  it.each([
    ['CRLF', pasted.replace(/\n/g, '\r\n')],
    ['CR only', pasted.replace(/\n/g, '\r')],
    ['BOM + LF', `\uFEFF${pasted}`],
    ['BOM + CRLF + trailing spaces and tabs', `\uFEFF${pasted.replace(/\n/g, ' \t\r\n')}  \r\n`],
  ])('%s gives the same papers as LF', (_name, text) => {
    expect(expected.papers).toHaveLength(3);
    const result = parsePastedList(text);
    expect(result.format).toBe('daily-papers');
    expect(result.papers).toEqual(expected.papers);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['titles', '\uFEFFFirst Title\r\nSecond Title  \r\n', ['First Title', 'Second Title']],
    ['identifiers', '\uFEFF2206.10883\r10.1000/182\r', ['arXiv:2206.10883', '10.1000/182']],
    ['arxiv-listing', '\uFEFFarXiv:2206.10883\r\nTitle: A Wrapped\r\n  Title\r\n', ['A Wrapped Title']],
  ] as const)('%s input with BOM and CR line ends', (format, text, titles) => {
    const result = parsePastedList(text);
    expect(result.format).toBe(format);
    expect(result.papers.map((paper) => paper.title)).toEqual(titles);
  });
});

describe('empty and garbage input', () => {
  it.each(['', '\n', '\r\n\r\n', '   \t  ', '\uFEFF', '\uFEFF\r\n  \n'])('empty input %j gives nothing', (text) => {
    expect(detectPasteFormat(text)).toBe('titles');
    expect(parsePastedList(text)).toEqual({ format: 'titles', papers: [], warnings: [] });
    for (const format of ALL_FORMATS) {
      expect(parsePastedList(text, format)).toEqual({ format, papers: [], warnings: [] });
    }
  });

  const random = prng(20240314);
  const randomText = (length: number, alphabet: string): string =>
    Array.from({ length }, () => alphabet.charAt(Math.floor(random() * alphabet.length))).join('');

  const garbage: [string, string][] = [
    ['control characters', '\u0000\u0001\u0002\u001b[31m\u0007\n\u0000'],
    ['lone surrogates', '\ud800\udc00\udfff\ud800 title \udbff'],
    ['punctuation soup', randomText(5000, '.:;!?\\/()[]{}<>-_=+*&^%$#@~`"\'\n\r\t ')],
    ['random printable', randomText(20000, 'abcXYZ0123456789 .,:;/\\-\n\r\tarXiv:Title:doi10.')],
    ['unicode soup', randomText(5000, 'é漢字🙂▽△…·•–—\u00a0\u2028\u2029\ufeff\n ')],
    ['unbalanced parentheses in authors', `Title: X\nAuthors: ${'('.repeat(5000)}A, B${')'.repeat(10)}`],
    ['header keys only', 'Title:\nAuthors:\nAbstract:\narXiv:\n\\\\\n-----\n'.repeat(200)],
    ['half identifiers', '10.\n10.1/\narxiv.org/abs/\nhttps://doi.org/\ndoi:\narXiv:99\n9999.99999\nhep-th/\n'.repeat(100)],
    ['a bad percent escape in a DOI URL', 'https://doi.org/10.1000/%E0%A4%A'],
  ];

  it.each(garbage)('never throws on %s', (_name, text) => {
    expect(() => detectPasteFormat(text)).not.toThrow();
    for (const format of [undefined, ...ALL_FORMATS]) {
      const result = parsePastedList(text, format);
      expect(ALL_FORMATS).toContain(result.format);
      expect(Array.isArray(result.papers)).toBe(true);
      for (const warning of result.warnings) {
        expect(warning.line).toBeGreaterThanOrEqual(1);
        expect(typeof warning.message).toBe('string');
      }
      for (const paper of result.papers) {
        expect(paper.title.length).toBeGreaterThan(0);
        expect(paper.line).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('does not throw on values that are not strings or formats', () => {
    expect(() => parsePastedList(undefined as unknown as string)).not.toThrow();
    expect(parsePastedList(null as unknown as string).papers).toEqual([]);
    expect(detectPasteFormat(42 as unknown as string)).toBe('titles');
    const result = parsePastedList('A Title', 'bogus' as PasteFormat);
    expect(result.format).toBe('titles');
    expect(result.papers.map((paper) => paper.title)).toEqual(['A Title']);
    expect(result.warnings).toHaveLength(1);
  });

  it('caps the number of warnings on huge garbage', () => {
    const result = parsePastedList('not an id\n'.repeat(5000), 'identifiers');
    expect(result.papers).toEqual([]);
    expect(result.warnings.length).toBeLessThanOrEqual(201);
    expect(result.warnings.at(-1)?.message).toMatch(/more warnings/);
  });

  it.each([
    ['the fixture repeated to ~2 MB', Array.from({ length: 18 }, () => FIXTURE).join('\n\n')],
    ['one 2 MB line of letters', 'a'.repeat(2_000_000)],
    ['one 2 MB line of periods and spaces', '. '.repeat(1_000_000)],
    ['2 MB of "a. B" sentence starts', 'a. B'.repeat(500_000)],
    ['2 MB of "10." prefixes', '10.'.repeat(700_000)],
    ['2 MB of "arXiv:" prefixes', 'arXiv: '.repeat(300_000)],
    ['200k short lines', 'x\n'.repeat(200_000)],
    ['200k short lines without a break', 'Some Title Here\n'.repeat(200_000)],
    ['a 2 MB arXiv URL of slashes', `https://arxiv.org/abs/${'/'.repeat(2_000_000)}x`],
    ['a 2 MB DOI with trailing dots', `10.1000/${'.'.repeat(2_000_000)}x`],
    ['a 2 MB DOI header', `Title: T\nDOI: 10.1000/${';'.repeat(2_000_000)}x`],
    ['2 MB of sentence ends without a final one', `${'Word. '.repeat(300_000)}x`],
    ['2 MB of whitespace runs', ' \t'.repeat(1_000_000) + 'x'],
  ])(
    'finishes on %s in every format (a catastrophic regex would hang until the timeout)',
    (_name, text) => {
      for (const format of [undefined, ...ALL_FORMATS]) {
        const result = parsePastedList(text, format);
        expect(Array.isArray(result.papers)).toBe(true);
        expect(result.warnings.length).toBeLessThanOrEqual(201);
      }
    },
    // A hang guard, not a speed target: speed is measured by `npm run bench`.
    60_000,
  );
});
