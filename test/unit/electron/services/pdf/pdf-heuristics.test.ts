import { describe, expect, it } from 'vitest';
import {
  chooseTitle,
  cleanMetadataText,
  findAbstract,
  guessPaper,
  isSectionHeading,
  junkTitleReason,
  looksLikeName,
  metadataAuthors,
  pageKeywords,
  pageTitle,
  personName,
  repairTitleSpacing,
  splitKeywords,
} from '../../../../../electron/services/pdf/pdf-heuristics';
import { lines, page, run } from './pdf-page-builder';

const BODY = [
  'We study the problem of finding things in large collections of other things, a question that has',
  'occupied researchers for decades. Our method combines two well-known ideas in a new way and is',
  'evaluated on five data sets, where it improves on the best previous results by a wide margin.',
];
const BODY_TEXT = BODY.join(' ');

/** A typical first page: page number, running head, side stamp, two-line title, authors, abstract. */
function firstPage(): ReturnType<typeof page> {
  return page([
    run('1', 300, 770, 10),
    run('Journal of Things, Vol. 12, No. 3, pp. 1–20, 2021', 72, 745, 9),
    run('arXiv:2101.00001v2 [cs.LG] 5 Jan 2021', 32, 300, 20, { upright: false }),
    run('A Study of Things', 150, 690, 17),
    run('and Other Things', 160, 670, 17),
    run('Alice Smith', 150, 640, 11, { endOfLine: false }),
    run('∗', 210.5, 644, 7, { endOfLine: false }),
    run(', Bob van der Berg', 214, 640, 11),
    run('University of Somewhere', 180, 626, 9),
    run('alice@example.org', 190, 614, 9),
    run('Abstract', 280, 580, 12),
    ...lines(BODY, 560),
    run('1 Introduction', 72, 500, 12),
    ...lines(['Things are everywhere, and finding them matters.'], 480),
  ]);
}

describe('cleanMetadataText', () => {
  it.each([
    ['Overview of the Technology Acceptance Model\r\n', 'Overview of the Technology Acceptance Model'],
    ['  A  title\twith   gaps ', 'A title with gaps'],
    ['\ufeffBOM title\u0000', 'BOM title'],
    ['   ', undefined],
    [42, undefined],
  ])('%j → %j', (input, expected) => {
    expect(cleanMetadataText(input)).toBe(expected);
  });
});

describe('junkTitleReason', () => {
  it.each([
    ['Microsoft Word - ieee_on_how_we_teach_jul_01.docx', 'a word processor’s file name'],
    ['Microsoft PowerPoint - talk', 'a word processor’s file name'],
    ['ARRAY(0x2c7cf020)', 'a program bug, not a title'],
    ['HASH(0x55d5c8a1e2b8)', 'a program bug, not a title'],
    ['paper.pdf', 'a file name'],
    ['main.tex', 'a file name'],
    ['C:\\Users\\me\\thesis final.docx', 'a file name'],
    ['/home/me/drafts/paper_v3', 'a file name'],
    ['ms_2023_v3', 'a file name'],
    ['untitled', 'a placeholder'],
    ['Untitled-1', 'a placeholder'],
    ['Document1', 'a placeholder'],
    ['Title', 'a placeholder'],
    ['Slide 1', 'a placeholder'],
    ['Proceedings Template - WORD', 'a template’s title'],
    ['Formatting Instructions For NeurIPS 2022', 'a template’s title'],
    ['doi:10.1145/3597503.3639130', 'an identifier'],
    ['10.1016/j.cell.2020.01.001', 'a file name'],
    ['2023-01-01', 'no words'],
    ['Attention', 'too short'],
    ['', 'empty'],
    ['  \r\n', 'empty'],
  ])('%j is junk (%s)', (title, reason) => {
    expect(junkTitleReason(title)).toBe(reason);
  });

  it.each([
    'Attention Is All You Need',
    'Deep Learning',
    'Overview of the Technology Acceptance Model: Origins, Developments and Future Directions\r\n',
    'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    'Recovering Trace Links BetweenSoftware Documentation And Code',
    'On the Use of C++ in Embedded Systems',
  ])('%j may be a title', (title) => {
    expect(junkTitleReason(title)).toBeUndefined();
  });
});

describe('repairTitleSpacing', () => {
  it.each([
    [
      'Recovering Trace Links BetweenSoftware Documentation And Code',
      'Recovering Trace Links Between\nSoftware Documentation And Code',
      'Recovering Trace Links Between Software Documentation And Code',
    ],
    ['deep learningfor graphs', 'Deep Learning for Graphs', 'deep learning for graphs'],
    ['Multi-LexSum: Real-World Summaries', 'Multi-\nLexSum: Real-World Summaries', 'Multi-LexSum: Real-World Summaries'],
    ['A title the page does not show', 'Something else entirely', 'A title the page does not show'],
    ['Large ﬁles', 'Large files', 'Large ﬁles'],
  ])('%j with page %j → %j', (title, pageText, expected) => {
    expect(repairTitleSpacing(title, pageText)).toBe(expected);
  });
});

describe('pageTitle', () => {
  it('takes the largest text, over all its lines, past page numbers, running heads and side stamps', () => {
    expect(pageTitle(firstPage())).toMatchObject({ title: 'A Study of Things and Other Things', fontSize: 17, prominent: true });
  });

  it.each(['Choosing a Software License for Research Code', 'Published Research Findings Are Often False'])('keeps a title that merely contains a label word: %j', (title) => {
    expect(pageTitle(page([run(title, 100, 690, 16), ...lines(BODY, 600)]))?.title).toBe(title);
  });

  it.each([
    ['an arXiv stamp that is not rotated', run('arXiv:2101.00001v2 [cs.LG] 5 Jan 2021', 72, 400, 20)],
    ['a label', run('Research Article', 72, 720, 20)],
    ['a copyright line', run('© 2021 The Authors. Published by Things Press', 72, 720, 20)],
    ['a URL', run('https://things.example.org', 72, 720, 20)],
    ['a conference footer', run('THINGS ’21, June 1–4, 2021, Springfield', 72, 100, 20)],
    ['a venue label', run('Published as a conference paper at ICLR 2024', 72, 720, 20)],
    ['a preprint label', run('Preprint. Under review.', 72, 720, 20)],
  ])('ignores %s, however large', (_what, distraction) => {
    const items = [distraction, run('The Real Title', 150, 690, 16), ...lines(BODY, 600)];
    expect(pageTitle(page(items))?.title).toBe('The Real Title');
  });

  it('keeps superscript marks out of the title', () => {
    const items = [run('A Title', 150, 690, 16, { endOfLine: false }), run('∗', 206, 696, 9), ...lines(BODY, 600)];
    expect(pageTitle(page(items))?.title).toBe('A Title');
  });

  it('is not prominent when nothing is larger than the body text', () => {
    expect(pageTitle(page(lines(['Reduced test-case'], 400)))).toMatchObject({ title: 'Reduced test-case', prominent: false });
  });
});

describe('chooseTitle', () => {
  it('uses a real metadata title that the page shows, with the page’s spaces', () => {
    const items = [run('Recovering Trace Links Between', 150, 690, 17), run('Software Documentation And Code', 140, 670, 17), ...lines(BODY, 600)];
    expect(chooseTitle('Recovering Trace Links BetweenSoftware Documentation And Code', page(items))).toMatchObject({
      title: 'Recovering Trace Links Between Software Documentation And Code',
      source: 'metadata',
      warnings: [],
    });
  });

  it('ignores junk metadata and says why', () => {
    expect(chooseTitle('Microsoft Word - draft7.docx', firstPage())).toMatchObject({
      title: 'A Study of Things and Other Things',
      source: 'page',
      warnings: [{ message: 'The metadata title “Microsoft Word - draft7.docx” was ignored (a word processor’s file name)' }],
    });
  });

  it('prefers the page when the metadata names another title', () => {
    const choice = chooseTitle('Minutes of the Committee Meeting', firstPage());
    expect(choice).toMatchObject({ title: 'A Study of Things and Other Things', source: 'page' });
    expect(choice.warnings[0]?.message).toMatch(/is not the title on page 1/);
  });

  it('trusts a metadata title shown large even when a journal banner is larger still', () => {
    const items = [run('Journal of Things', 72, 720, 20), run('A Study of Things', 150, 680, 16), ...lines(BODY, 600)];
    expect(chooseTitle('A Study of Things', page(items))).toMatchObject({ title: 'A Study of Things', source: 'metadata', warnings: [] });
  });

  it('distrusts a metadata title the page shows only in body text (a running head) when the page has a larger title', () => {
    const items = [run('Things and Stuff Quarterly', 72, 730, 10), run('A Study of Things', 150, 680, 16), ...lines(BODY, 600)];
    expect(chooseTitle('Things and Stuff Quarterly', page(items))).toMatchObject({ title: 'A Study of Things', source: 'page' });
  });

  it('takes the page’s longer title when the metadata left out the subtitle', () => {
    const items = [run('Things: A Study of Things', 150, 690, 17), run('and Other Things', 160, 670, 17), ...lines(BODY, 600)];
    expect(chooseTitle('Things: A Study of Things', page(items))).toMatchObject({ title: 'Things: A Study of Things and Other Things', source: 'page' });
  });

  it('keeps a metadata title when the page has none to compare (a scan)', () => {
    expect(chooseTitle('A Scanned Classic\r\n', undefined)).toMatchObject({ title: 'A Scanned Classic', source: 'metadata' });
    expect(chooseTitle(undefined, undefined)).toMatchObject({ title: '', source: 'none' });
  });
});

describe('authors', () => {
  it('reads the names under the title, without marks, affiliations or e-mails', () => {
    const guess = guessPaper({ metadata: {}, pages: [firstPage()] });
    expect(guess.paper.authors).toEqual([
      { family: 'Smith', given: 'Alice' },
      { family: 'van der Berg', given: 'Bob' },
    ]);
  });

  it('reads an author grid: names in one row, cut at the wide gaps', () => {
    const grid = page([
      run('A Title Over a Grid', 150, 690, 17),
      run('Jan Keim', 120, 656, 12, { endOfLine: false }),
      run('Sophie Corallo', 270, 656, 12, { endOfLine: false }),
      run('Dominik Fuchß', 432, 656, 12),
      run('jan.keim@kit.edu', 106, 644, 10),
      run('Karlsruhe, Germany', 101, 620, 10),
      run('Tobias Hey', 114, 598, 12),
      run('ABSTRACT', 54, 542, 11),
      ...lines(BODY, 520),
    ]);
    expect(guessPaper({ metadata: {}, pages: [grid] }).paper.authors.map((author) => ('family' in author ? author.family : ''))).toEqual([
      'Keim',
      'Corallo',
      'Fuchß',
      'Hey',
    ]);
  });

  it('reads names with e-mails in brackets and Springer’s corresponding-author mark', () => {
    const items = [
      run('A Title', 150, 690, 17),
      run('Alice Smith (alice@example.org), Bob Jones', 100, 660, 11),
      run('Carol White', 100, 646, 11, { endOfLine: false }),
      run('(B)', 162, 646, 11),
      run('Abstract', 72, 600, 12),
      ...lines(BODY, 580),
    ];
    expect(guessPaper({ metadata: {}, pages: [page(items)] }).paper.authors.map((author) => ('family' in author ? author.family : ''))).toEqual([
      'Smith',
      'Jones',
      'White',
    ]);
  });

  it.each([
    ['Mohammad R. Haghighat', true],
    ['Jan Keim', true],
    ['M.Y. Chuttur', true],
    ['Ludwig van Beethoven', true],
    ['Dominik Fuchß', true],
    ['Indiana University', false],
    ['Karlsruhe Institute of Technology', false],
    ['Mozilla Corporation', false],
    ['Technical Report', false],
    ['Vorgelegt von', false],
    ['jan.keim@kit.edu', false],
    ['Keim', false],
    ['We study the problem', false],
  ])('looksLikeName(%j) is %s', (text, expected) => {
    expect(looksLikeName(text)).toBe(expected);
  });

  it.each([
    ['Jan Keim', [{ family: 'Keim', given: 'Jan' }]],
    ['Smith, John', [{ family: 'Smith', given: 'John' }]],
    ['A. Smith; B. Jones', [{ family: 'Smith', given: 'A.' }, { family: 'Jones', given: 'B.' }]],
    ['Alice Smith and Bob Jones', [{ family: 'Smith', given: 'Alice' }, { family: 'Jones', given: 'Bob' }]],
    ['Alice Smith, Bob Jones, Carol White', [{ family: 'Smith', given: 'Alice' }, { family: 'Jones', given: 'Bob' }, { family: 'White', given: 'Carol' }]],
    ['ARRAY(0x2c7cf020)', []],
    ['Administrator', []],
    ['me@example.org', []],
    ['', []],
  ])('metadataAuthors(%j)', (value, expected) => {
    expect(metadataAuthors(value)).toEqual(expected);
  });

  it('splits a name before its family particles', () => {
    expect(personName('Bob van der Berg')).toEqual({ family: 'van der Berg', given: 'Bob' });
    expect(personName('Plato')).toEqual({ literal: 'Plato' });
  });
});

describe('findAbstract', () => {
  const after = (heading: Parameters<typeof run>[], next: string): ReturnType<typeof page> =>
    page([...heading.map((args) => run(...args)), ...lines(BODY, 560), run(next, 72, 500, 12)]);

  it.each([
    ['"Abstract" alone', [['Abstract', 280, 580, 12]], '1 Introduction'],
    ['"ABSTRACT"', [['ABSTRACT', 54, 580, 11]], 'CCS CONCEPTS'],
    ['"A B S T R A C T" (Elsevier)', [['A B S T R A C T', 54, 580, 9]], 'Keywords: things, other things'],
    ['"Abstract" and "1. Introduction"', [['Abstract', 54, 580, 12]], '1. Introduction'],
    ['"Abstract" and "I. INTRODUCTION"', [['Abstract', 54, 580, 12]], 'I. INTRODUCTION'],
    ['"Abstract" and "Index Terms—…"', [['Abstract', 54, 580, 12]], 'Index Terms—things, retrieval'],
    ['"Summary"', [['Summary', 54, 580, 12]], 'Introduction'],
  ] as [string, Parameters<typeof run>[], string][])('%s up to the next section', (_what, heading, next) => {
    expect(findAbstract([after(heading, next)])).toEqual({ text: BODY_TEXT, source: 'heading' });
  });

  it.each([
    ['Abstract—We study', 'Abstract—'],
    ['Abstract. We study', 'Abstract. '],
    ['Abstract: We study', 'Abstract: '],
    ['ABSTRACT We study', 'ABSTRACT '],
  ])('reads an inline heading: %j', (_what, prefix) => {
    const [first, ...rest] = BODY;
    const items = [run(`${prefix}${first ?? ''}`, 72, 560, 10), ...lines(rest, 548), run('Keywords: a, b', 72, 500, 10)];
    expect(findAbstract([page(items)])?.text).toBe(BODY_TEXT);
  });

  it('reads a bold "Abstract" run followed by the text on the same line', () => {
    const [first, ...rest] = BODY;
    const items = [run('Abstract', 72, 560, 9, { endOfLine: false }), run(first ?? '', 115, 560, 9), ...lines(rest, 549), run('Keywords: a', 72, 500, 9)];
    expect(findAbstract([page(items)])?.text).toBe(BODY_TEXT);
  });

  it.each([
    ['a sentence that starts with "Abstract"', 'Abstract interpretation is a classic technique for the static analysis of programs.'],
    ['a sentence that starts with "Summary"', 'Summary statistics are given in the table below, for every one of the data sets.'],
  ])('does not mistake %s for a heading', (_what, sentence) => {
    expect(findAbstract([page(lines([sentence], 560))])).toBeUndefined();
  });

  it('stops at a wide gap when no heading follows', () => {
    const items = [run('Abstract', 72, 580, 12), ...lines(BODY, 560), run('An unrelated line far below.', 72, 400, 10)];
    expect(findAbstract([page(items)])?.text).toBe(BODY_TEXT);
  });

  it('joins hyphenated line ends, keeping the hyphen where the document writes the compound with one', () => {
    const items = [run('Abstract', 72, 580, 12), ...lines(['We study knowl-', 'edge of component-', 'based systems and their state-', 'of-the-art.'], 560)];
    expect(findAbstract([page(items)], new Set(['component-based']))?.text).toBe('We study knowledge of component-based systems and their state-of-the-art.');
  });

  it('falls back to the first long paragraph in the body font, and says it is a guess', () => {
    const paragraph = [...BODY, ...BODY, 'It is long enough to be an abstract, and it ends here.'];
    const found = findAbstract([page([run('A Title', 150, 690, 17), ...lines(paragraph, 600)])]);
    expect(found?.source).toBe('paragraph');
    expect(found?.text.endsWith('it ends here.')).toBe(true);
  });

  it('finds the heading on page 2 (after a title page)', () => {
    const titlePage = page([run('A Thesis', 150, 690, 17)]);
    expect(findAbstract([titlePage, after([['Abstract', 72, 580, 12]], '1 Introduction')])?.text).toBe(BODY_TEXT);
  });
});

describe('isSectionHeading', () => {
  it.each([
    ['1 Introduction', true],
    ['1. Introduction', true],
    ['2.1 Related Work', true],
    ['I. INTRODUCTION', true],
    ['Introduction', true],
    ['Keywords: a, b', true],
    ['Index Terms—a, b', true],
    ['CCS Concepts', true],
    ['Categories and Subject Descriptors D.3.4', true],
    ['ACM Reference Format:', true],
    ['Introduction Software development involves creating', false],
    ['3 datasets were used in this study.', false],
    ['In 2020 We Saw Things.', false],
  ])('%j → %s', (text, expected) => {
    expect(isSectionHeading(text)).toBe(expected);
  });
});

describe('keywords', () => {
  it.each([
    ['Keywords: a, b; c · d.', ['a', 'b', 'c', 'd']],
    ['Index Terms—Computer science education, Object oriented', ['Computer science education', 'Object oriented']],
    ['Keywords ...', []],
  ])('pageKeywords from %j', (line, expected) => {
    expect(pageKeywords(page(lines([line], 500)))).toEqual(expected);
  });

  it('continues a keyword line that breaks mid-phrase', () => {
    expect(pageKeywords(page(lines(['Index Terms—Computer science education, Object oriented', 'programming, Object oriented methods', '1 Introduction'], 500)))).toEqual([
      'Computer science education',
      'Object oriented programming',
      'Object oriented methods',
    ]);
  });

  it('splits metadata keywords', () => {
    expect(splitKeywords('software traceability, documentation;transitive links')).toEqual(['software traceability', 'documentation', 'transitive links']);
  });
});

describe('guessPaper', () => {
  it('puts the pieces together, with identifiers from the page and the stamp', () => {
    const guess = guessPaper({ metadata: { title: 'Untitled' }, pages: [firstPage()], currentYear: 2026 });
    expect(guess.paper).toEqual({
      type: 'preprint',
      title: 'A Study of Things and Other Things',
      authors: [
        { family: 'Smith', given: 'Alice' },
        { family: 'van der Berg', given: 'Bob' },
      ],
      keywords: [],
      extra: {},
      year: 2021,
      abstract: BODY_TEXT,
      arxivId: '2101.00001',
    });
    expect(guess.titleSource).toBe('page');
    expect(guess.arxiv).toEqual({ id: '2101.00001', version: 'v2', year: 2021 });
  });

  it('uses metadata alone when there is no page text (a scan)', () => {
    const guess = guessPaper({ metadata: { title: 'A Scanned Classic', author: 'Smith, John', doi: '10.1000/classic.1' }, pages: [] });
    expect(guess.paper).toMatchObject({ title: 'A Scanned Classic', authors: [{ family: 'Smith', given: 'John' }], doi: '10.1000/classic.1', type: 'article' });
  });

  it('calls a doctoral title page a thesis', () => {
    const items = [run('Thesis Title', 160, 470, 17), ...lines(['Universität Stuttgart zur Erlangung der Würde eines Doktors der', 'Naturwissenschaften (Dr. rer. nat.) genehmigte Abhandlung'], 410)];
    expect(guessPaper({ metadata: {}, pages: [page(items, 420, 595)] }).paper.type).toBe('thesis');
  });
});
