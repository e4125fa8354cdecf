import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../../shared/import/bibtex/parse-bibtex';
import type { ImportResult, ImportWarning, PaperDraft } from '../../../../../shared/import/import-record';
import { newPaper, paperSchema } from '../../../../../shared/model/library';

const FIXTURES = ['d2l.bib', 'bbt-873-ai-bibliography.bib', 'biblatex-examples.bib', 'jabref-complex.bib', 'bbt-95-96-preamble-percent-mojibake.bib', 'bbt-endnote-missing-citekey.bib'];

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../fixtures/bibtex/${name}`, import.meta.url), 'utf8');
}

const parsed = new Map<string, ImportResult>();
function parsedFixture(name: string): ImportResult {
  const cached = parsed.get(name);
  if (cached) return cached;
  const result = parseBibtex(fixture(name));
  parsed.set(name, result);
  return result;
}

function paperWithKey(result: ImportResult, key: string): PaperDraft {
  const matches = result.records.filter((record) => record.paper.citationKey === key);
  expect(matches, `records with key ${key}`).toHaveLength(1);
  return (matches[0] as (typeof matches)[number]).paper;
}

function warningsOf(result: ImportResult, key: string): ImportWarning[] {
  return result.records.filter((record) => record.paper.citationKey === key).flatMap((record) => record.warnings);
}

function allWarnings(result: ImportResult): ImportWarning[] {
  return [...result.warnings, ...result.records.flatMap((record) => record.warnings)];
}

/** The only paper of a one-entry .bib. */
function only(bib: string): PaperDraft {
  const result = parseBibtex(bib);
  expect(result.records).toHaveLength(1);
  return (result.records[0] as ImportResult['records'][number]).paper;
}

describe('parseBibtex on the real fixture files', () => {
  // Expected counts come from the files, not from this parser:
  //   grep -ciE '^\s*@\s*[a-z]+\s*[({]' FILE            (entries, @string, @comment and @preamble that start a line)
  // minus
  //   grep -ciE '^\s*@\s*(string|comment|preamble)\s*[({]' FILE
  // d2l 488 − 0; bbt-873 988 − 0 (its 30 "@Comment Len Schubert"-style lines have no brace and are
  // free text; 594 of its entries use parentheses); biblatex-examples 100 − 8 @string; jabref 32 − 12
  // (1 @Preamble, 2 @String, 9 @Comment); bbt-95-96 2 − 1 @PREAMBLE (the two `\@ifundefined{` inside
  // that preamble do not start a line and are not entries); EndNote 1 (no key, still an entry).
  it.each([
    ['d2l.bib', 488],
    ['bbt-873-ai-bibliography.bib', 988],
    ['biblatex-examples.bib', 92],
    ['jabref-complex.bib', 20],
    ['bbt-95-96-preamble-percent-mojibake.bib', 1],
    ['bbt-endnote-missing-citekey.bib', 1],
  ])('%s gives exactly %i papers', (name, count) => {
    const result = parsedFixture(name);
    expect(result.format).toBe('bibtex');
    expect(result.records).toHaveLength(count);
  });

  it.each(FIXTURES)('%s: every paper is one the library accepts', (name) => {
    const now = '2026-01-01T00:00:00.000Z';
    for (const [index, record] of parsedFixture(name).records.entries()) {
      const check = paperSchema.safeParse(newPaper({ id: `p${index}`, ...record.paper }, now));
      expect(check.success, `${record.paper.citationKey}: ${check.error?.message}`).toBe(true);
    }
  });

  it.each(FIXTURES)('%s: every warning carries a line number', (name) => {
    for (const warning of allWarnings(parsedFixture(name))) expect(warning.line, warning.message).toBeGreaterThan(0);
  });

  it('reads a file saved with a byte-order mark and CRLF line ends the same way', () => {
    const unix = parsedFixture('d2l.bib');
    const windows = parseBibtex(`\uFEFF${fixture('d2l.bib').replace(/\n/g, '\r\n')}`);
    expect(windows).toEqual(unix);
  });

  it('files with nothing wrong give no warnings at all', () => {
    for (const name of ['d2l.bib', 'jabref-complex.bib', 'bbt-95-96-preamble-percent-mojibake.bib']) {
      expect(allWarnings(parsedFixture(name)), name).toEqual([]);
    }
  });

  describe('d2l.bib', () => {
    const result = () => parsedFixture('d2l.bib');

    it('maps the entry types: 266 articles of which 128 are arXiv preprints', () => {
      // 266 @Article minus the 128 whose journal names arXiv (grep -ci 'journal.*=.*ar{\?x}\?iv' d2l.bib).
      const types: Record<string, number> = {};
      for (const record of result().records) types[record.paper.type] = (types[record.paper.type] ?? 0) + 1;
      expect(types).toEqual({ article: 138, preprint: 128, inproceedings: 150, book: 50, chapter: 17, report: 2, thesis: 2, misc: 1 });
    });

    it('decodes {\\\'\\i} and case-protecting braces, keeps "et al." as an author (line 1)', () => {
      const paper = paperWithKey(result(), 'Abadi.Barham.Chen.ea.2016');
      expect(paper.title).toBe('TensorFlow: A system for large-scale machine learning');
      expect(paper.authors).toHaveLength(11);
      expect(paper.authors[0]).toEqual({ family: 'Abadi', given: 'Martín' });
      expect(paper.authors[9]).toEqual({ family: 'Isard', given: 'Michael' });
      expect(paper.authors[10]).toEqual({ literal: 'et al.' });
      expect(paper.year).toBe(2016);
      expect(paper.venue).toBe('12th USENIX Symposium on Operating Systems Design and Implementation (OSDI 16)');
      expect(paper.type).toBe('inproceedings');
      expect(paper.extra).toEqual({ pages: '265–283' });
      expect(result().records[0]?.line).toBe(1);
    });

    it('turns $16\\times 16$ into 16×16 (line 588)', () => {
      const paper = paperWithKey(result(), 'Dosovitskiy.Beyer.Kolesnikov.ea.2021*1');
      expect(paper.title).toBe('An image is worth 16×16 words: Transformers for image recognition at scale');
      expect(paper.venue).toBe('International Conference on Learning Representations');
      expect(result().records.find((record) => record.paper.citationKey === 'Dosovitskiy.Beyer.Kolesnikov.ea.2021*1')?.line).toBe(588);
    });

    it('reads the malformed "Ram{\\\'o}n y {C}ajal, Santiago, and Azoulay, L." as two people', () => {
      const paper = paperWithKey(result(), 'Cajal.Azoulay.1894');
      expect(paper.authors).toEqual([
        { family: 'Ramón y Cajal', given: 'Santiago' },
        { family: 'Azoulay', given: 'L.' },
      ]);
      expect(paper.title).toBe("Les Nouvelles Idées sur la Structure du Système Nerveux chez l'Homme et chez les Vertébrés");
      expect(paper.type).toBe('book');
      expect(paper.year).toBe(1894);
      expect(paper.extra).toEqual({ publisher: 'Paris, C. Reinwald & Cie' });
    });

    it('takes the arXiv id from a journal "Ar{X}iv:1409.0473" and calls the paper a preprint', () => {
      const paper = paperWithKey(result(), 'Bahdanau.Cho.Bengio.2014');
      expect(paper).toMatchObject({ type: 'preprint', arxivId: '1409.0473', venue: 'ArXiv:1409.0473', year: 2014 });
      expect(paper.extra).toEqual({ entrytype: 'article' });
    });
  });

  describe('bbt-873-ai-bibliography.bib', () => {
    const result = () => parsedFixture('bbt-873-ai-bibliography.bib');
    const messages = () => allWarnings(result()).map((warning) => warning.message);

    it('warns once per use of an undefined macro: 277 uses of 92 names', () => {
      // The file defines no @string. Counted outside this code base with a small brace-aware scanner
      // over every bare word in a value position, minus the month and journal macros BibTeX styles
      // predefine (jan…dec, cacm, jacm…): 277 uses of 92 distinct names ("AAAI-91" on line 121 first).
      const macroWarnings = allWarnings(result()).filter((warning) => /@string macro/.test(warning.message));
      expect(macroWarnings).toHaveLength(277);
      expect(new Set(macroWarnings.map((warning) => /"([^"]+)"/.exec(warning.message)?.[1])).size).toBe(92);
      expect(macroWarnings[0]).toEqual({
        line: 121,
        entry: 'McAllester:91',
        message: 'The @string macro "AAAI-91" is not defined; its name was kept as text.',
      });
    });

    it('warns for each crossref whose target is not in the file: 129 of the 130', () => {
      // 130 crossref fields; the only target present is journals/ai/NguyenDGSSK12 (line 9956).
      expect(messages().filter((message) => /crossref target/.test(message))).toHaveLength(129);
      expect(warningsOf(result(), 'Green:75')).toEqual([
        { line: 56, entry: 'Green:75', message: 'The crossref target "IJCAI85" is not in this file, so nothing was inherited from it.' },
      ]);
    });

    it('fills an entry that is only a crossref from its target', () => {
      const paper = paperWithKey(result(), 'NguyenETAL:DiversityAIJ');
      expect(paper.title).toBe('Generating diverse plans to handle unknown and partially known user preferences');
      expect(paper.authors).toHaveLength(6);
      expect(paper.authors[0]).toEqual({ family: 'Nguyen', given: 'Tuan Anh' });
      expect(paper.year).toBe(2012);
      expect(paper.venue).toBe('AIJ');
      expect(paper.doi).toBe('10.1016/j.artint.2012.05.005');
      expect(paper.extra.crossref).toBe('journals/ai/NguyenDGSSK12');
    });

    it('imports both entries of each of the 14 repeated keys, with a warning on the second', () => {
      const duplicates = allWarnings(result()).filter((warning) => /was already used/.test(warning.message));
      expect(duplicates).toHaveLength(14);
      expect(result().records.filter((record) => record.paper.citationKey === 'Barrow:81').map((record) => record.line)).toEqual([1223, 2181]);
      expect(duplicates).toContainEqual({
        line: 2181,
        entry: 'Barrow:81',
        message: 'The citation key "Barrow:81" was already used on line 1223; both entries were imported.',
      });
    });

    it('reads a parenthesised entry whose author is MCDERMOTT # { and Gerald J. Sussman}', () => {
      const paper = paperWithKey(result(), 'McDermott:72');
      expect(paper.authors).toEqual([{ family: 'MCDERMOTT' }, { family: 'Sussman', given: 'Gerald J.' }]);
      expect(paper.title).toBe('The CONNIVER Reference Manual');
      expect(paper.type).toBe('report');
      expect(paper.year).toBe(1972);
      expect(paper.extra).toEqual({ month: '05', institution: 'MIT Artificial Intelligence Laboratory', entrytype: 'techreport' });
      expect(warningsOf(result(), 'McDermott:72')).toEqual([
        { line: 3262, entry: 'McDermott:72', message: 'The @string macro "MCDERMOTT" is not defined; its name was kept as text.' },
      ]);
    });

    it('keeps {William D. Harvey and} # GINSBERG as two authors', () => {
      const paper = paperWithKey(result(), 'Harvey:IJCAI95');
      expect(paper.authors).toEqual([{ family: 'Harvey', given: 'William D.' }, { family: 'GINSBERG' }]);
      expect(paper.extra.annote).toMatch(/^LDS is a search technique that iteratively makes n decisions differently/);
      expect(warningsOf(result(), 'Harvey:IJCAI95').map((warning) => warning.line)).toEqual([7434, 7437]);
    });

    it('decodes H{\\\'e}ctor {Mu{\\~n}oz-Avila}, {\\sc …}, month aug # "~13" and repeated keywords fields', () => {
      expect(paperWithKey(result(), 'IJCAI01*425').authors[1]).toEqual({ family: 'Muñoz-Avila', given: 'Héctor' });
      expect(paperWithKey(result(), 'Pednault:89').title).toBe('Adl: Exploring the middle ground between Strips and the situation calculus');
      expect(paperWithKey(result(), 'ingrand99:_propice_plan').extra.month).toBe('08 13');
      const berleant = paperWithKey(result(), 'BerleantKuipers:97');
      expect(berleant.keywords).toEqual(['Qualitative', 'Simulation', 'Semi-quantitative', 'Intervals', 'QSIM', 'Q3']);
      expect(berleant.doi).toBe('10.1016/S0004-3702(97)00050-7');
    });

    it('ignores @Comment lines and the stray "# DREW McDERMOTT" between entries', () => {
      expect(result().warnings).toEqual([]);
    });
  });

  describe('biblatex-examples.bib', () => {
    const result = () => parsedFixture('biblatex-examples.bib');

    it('inherits from the crossref target: the collection title becomes the venue', () => {
      const paper = paperWithKey(result(), 'westfahl:space');
      expect(paper.title).toBe('The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films');
      expect(paper.authors).toEqual([{ family: 'Westfahl', given: 'Gary' }]);
      expect(paper.type).toBe('chapter');
      expect(paper.venue).toBe('Space and Beyond');
      expect(paper.year).toBe(2000);
      expect(paper.extra).toMatchObject({
        entrytype: 'incollection',
        crossref: 'westfahl:frontier',
        editor: 'Westfahl, Gary',
        publisher: 'Greenwood',
        location: 'Westport, Conn. and London',
        pages: '55-65',
      });
    });

    it('decodes {\\i}, {\\"O} and {\\c{C}} in names and expands journaltitle = jomch', () => {
      const paper = paperWithKey(result(), 'aksin');
      expect(paper.authors.map((author) => ('family' in author ? author.family : author.literal))).toEqual([
        'Aksın', 'Türkmen', 'Artok', 'Çetinkaya', 'Ni', 'Büyükgüngör', 'Özkal',
      ]);
      expect(paper.authors[0]).toEqual({ family: 'Aksın', given: 'Özge' });
      expect(paper.venue).toBe('J. Organomet. Chem.');
      expect(paper.year).toBe(2006);
      expect(paper.extra.date).toBe('2006');
    });

    it('reads eprint + eprinttype = arxiv: @online becomes a preprint, @article stays an article', () => {
      const online = paperWithKey(result(), 'baez/online');
      expect(online).toMatchObject({ type: 'preprint', arxivId: 'math/0307200v3', year: 2004, title: 'Higher-Dimensional Algebra V: 2-Groups' });
      expect(online.extra).toMatchObject({ entrytype: 'online', date: '2004-10-27' });
      expect(online.extra).not.toHaveProperty('eprint');
      const article = paperWithKey(result(), 'baez/article');
      expect(article).toMatchObject({ type: 'article', arxivId: 'math/0307200v3', venue: 'Theory and Applications of Categories' });
    });

    it('takes the first year of a date range and keeps the range', () => {
      const paper = paperWithKey(result(), 'knuth:ct');
      expect(paper).toMatchObject({ year: 1984, title: 'Computers & Typesetting', type: 'book' });
      expect(paper.extra).toMatchObject({ date: '1984/1986', entrytype: 'mvbook' });
    });

    it('decodes \\ss, \\l, \\ae, \\TeX and dtv # { and Walter de Gruyter}', () => {
      const ksa1 = paperWithKey(result(), 'nietzsche:ksa1');
      expect(ksa1.title).toBe('Die Geburt der Tragödie. Unzeitgemäße Betrachtungen I–IV. Nachgelassene Schriften 1870–1973');
      expect(ksa1.extra.publisher).toBe('Deutscher Taschenbuch-Verlag and Walter de Gruyter');
      expect(ksa1.extra.editor).toBe('Colli, Giorgio and Montinari, Mazzino');
      expect(paperWithKey(result(), 'malinowski').authors).toEqual([{ family: 'Malinowski', given: 'Bronisław' }]);
      expect(paperWithKey(result(), 'britannica').title).toBe('The New Encyclopædia Britannica');
      expect(paperWithKey(result(), 'knuth:ct:a').title).toBe('The TeXbook');
    });

    it('reports what it could not fully read: two titleless @set entries and \\arabic', () => {
      expect(allWarnings(result())).toEqual([
        { line: 26, entry: 'set', message: 'This entry has no title.' },
        { line: 31, entry: 'stdmodel', message: 'This entry has no title.' },
        {
          line: 232,
          entry: 'murray',
          message: 'The annotation field uses a LaTeX command Sift does not know (\\arabic), kept as plain text.',
        },
        {
          line: 586,
          entry: 'cotton',
          message: 'The annotation field uses a LaTeX command Sift does not know (\\arabic), kept as plain text.',
        },
      ]);
    });
  });

  describe('jabref-complex.bib', () => {
    const result = () => parsedFixture('jabref-complex.bib');

    it('decodes \\"{o} and \\\'{e} and reads "Philippe Kruchten, Churchill" as BibTeX does (family first)', () => {
      const paper = paperWithKey(result(), '1137631');
      expect(paper.authors).toEqual([
        { family: 'Boström', given: 'Gustav' },
        { family: 'Wäyrynen', given: 'Jaana' },
        { family: 'Bodén', given: 'Marine' },
        { family: 'Beznosov', given: 'Konstantin' },
        { family: 'Philippe Kruchten', given: 'Churchill' },
      ]);
      expect(paper.doi).toBe('10.1145/1137627.1137631');
      expect(paper.venue).toBe('SESS \'06: Proceedings of the 2006 international workshop on Software engineering for secure systems');
      expect(paper.extra.file).toBe(':/Volumes/iDisk/Freie Universität Berlin/Semester 9/Softwareprozesse/p11-bostrom.pdf:PDF');
      expect(paper.extra.groups).toBe('StaticGroup, TestOneSubOne, TestOneSubTwo, TestOne, TestTwo');
    });

    it('joins particles to the family name and a Jr part to the given names', () => {
      expect(paperWithKey(result(), '10250999').authors.slice(0, 2)).toEqual([
        { family: 'von Hippel', given: 'Eric' },
        { family: 'Reagle', given: 'Joseph M., Jr.' },
      ]);
    });

    it('drops \\textit and the double braces of a title; keeps thesis fields in extra', () => {
      const paper = paperWithKey(result(), 'deBraga2001');
      expect(paper.title).toBe(
        'The postcranial anatomy of Procolophon (Parareptilia: Procolophonidae) and its implications for the origin of turtles',
      );
      expect(paper.type).toBe('thesis');
      expect(paper.extra).toEqual({
        type: 'PhD thesis',
        note: '303 pp.',
        address: 'Canada',
        school: 'Department of Zoology, University of Toronto',
        entrytype: 'phdthesis',
      });
    });

    it('strips http://dx.doi.org/ from a DOI and keeps unknown fields under their lower-case names', () => {
      const paper = paperWithKey(result(), '1102917');
      expect(paper.doi).toBe('10.1007/s00779-005-0347-6');
      expect(paper.extra).toMatchObject({ 'bdsk-url-1': 'http://dx.doi.org/10.1007/s00779-005-0347-6', priority: 'prio1', issn: '1617-4909' });
      expect(paperWithKey(result(), '00000000').extra).toMatchObject({ 'date-added': '2009-02-23 04:41:08 +0100', rating: '2' });
    });
  });

  describe('the small Better BibTeX and EndNote files', () => {
    it('keeps mojibake and unescaped % as written and splits keywords', () => {
      const paper = paperWithKey(parsedFixture('bbt-95-96-preamble-percent-mojibake.bib'), 'Akhavan_2009');
      expect(paper.title).toBe('Synthesis and electrochromic study of sol-gel cuprous oxide nanoparticles accumulated on silica thin film');
      expect(paper.authors).toEqual([
        { family: 'Akhavan', given: 'O.' },
        { family: 'Tohidi', given: 'H.' },
        { family: 'Moshfegh', given: 'A. Z.' },
      ]);
      expect(paper.abstract).toContain('about 50% in a narrow wavelength range of 400-500Ânm');
      expect(paper.abstract).toContain('from 220 to 300Â°C in an N2 environment');
      expect(paper.keywords).toEqual([
        'Copper oxides', 'Nanoparticles', 'Sol-gel deposition', 'Optical properties', 'Band-gap energy', 'Electrochromic properties',
      ]);
      expect(paper).toMatchObject({ doi: '10.1016/j.tsf.2009.05.016', venue: 'Thin Solid Films', year: 2009 });
      expect(paper.extra).toEqual({ number: '24', pages: '6700–6706', volume: '517', issn: '0040-6090', owner: 'Francesco', timestamp: '2010.03.08' });
    });

    it('imports an EndNote entry that has no citation key, with a warning', () => {
      const result = parsedFixture('bbt-endnote-missing-citekey.bib');
      const record = result.records[0];
      expect(record?.paper.citationKey).toBeUndefined();
      expect(record?.paper).toMatchObject({
        title: 'Alzheimer mechanisms and therapeutic strategies',
        authors: [{ family: 'Huang', given: 'Y.' }, { family: 'Mucke', given: 'L.' }],
        venue: 'Cell',
        year: 2012,
        type: 'article',
      });
      expect(record?.paper.extra.note).toBe('Huang, Yadong Mucke, Lennart AG011385/AG/NIA NIH HHS/ AG022074/AG/NIA NIH HHS/ Cell. 2012 Mar 16;148(6):1204-22.');
      expect(record?.warnings).toEqual([
        { line: 2, entry: 'Alzheimer mechanisms and therapeutic strategies', message: 'This entry has no citation key.' },
      ]);
    });
  });
});

describe('LaTeX to Unicode', () => {
  it.each([
    ["{\\'e}t{\\'e}", 'été'],
    ["\\'{e}t\\'{e}", 'été'],
    ["\\'et\\'e", 'été'],
    ['{\\"o}', 'ö'],
    ['\\"{o}', 'ö'],
    ['Stra\\ss e', 'Straße'],
    ['{\\ss}', 'ß'],
    ["\\l{}\\'od\\'z", 'łódź'],
    ["{\\L}\\'od\\'z", 'Łódź'],
    ['Encyclop\\ae dia', 'Encyclopædia'],
    ['{\\AE}sir', 'Æsir'],
    ['Aks{\\i}n', 'Aksın'],
    ["Mart{\\'\\i}n", 'Martín'],
    ['{\\c{C}}etinkaya', 'Çetinkaya'],
    ['\\v{S}koda', 'Škoda'],
    ['Espa\\~{n}a', 'España'],
    ['{\\aa}ngstr{\\"o}m', 'ångström'],
    ['S{\\o}ren', 'Søren'],
  ])('%s → %s', (tex, text) => {
    expect(only(`@misc{k, title = {${tex}}}`).title).toBe(text);
  });

  it.each([
    ['pages 10--20', 'pages 10–20'],
    ['yes---no', 'yes—no'],
    ['Smith \\& Sons', 'Smith & Sons'],
    ['50\\% off', '50% off'],
    ['{DNA} and {T}ensor{F}low', 'DNA and TensorFlow'],
    ['{{Double braced}}', 'Double braced'],
    ["``quoted''", '“quoted”'],
    ['Angew.~Chem.', 'Angew. Chem.'],
    ['\\emph{Escherichia} {\\em coli} \\textbf{bold} {\\sc Caps}', 'Escherichia coli bold Caps'],
    ['The {\\TeX}book and \\LaTeX', 'The TeXbook and LaTeX'],
    ['\\enquote*{Quoted}', '“Quoted”'],
    ['line\\\\break', 'line break'],
    ['wrapped\n\t\t  over lines', 'wrapped over lines'],
  ])('%s → %s', (tex, text) => {
    expect(only(`@misc{k, title = {${tex}}}`).title).toBe(text);
  });

  // Math is kept readable as Unicode where Unicode has the symbol, TeX-like scripts where it has not.
  it.each([
    ['An image is worth $16\\times 16$ words', 'An image is worth 16×16 words'],
    ['$x^2$ and $x_1$', 'x² and x₁'],
    ['OCL$_h$', 'OCLₕ'],
    ['$O(n^{2k})$', 'O(n^{2k})'],
    ['$\\alpha$-divergence', 'α-divergence'],
    ['$\\Diamond p \\equiv \\neg \\Box \\neg p$', '◇p ≡ ¬ □ ¬ p'],
    ['$a \\leq b$', 'a ≤ b'],
    ['$O(n \\log n)$', 'O(n log n)'],
    ['$\\mathcal{O}(1)$', 'O(1)'],
  ])('math %s → %s', (tex, text) => {
    expect(only(`@misc{k, title = {${tex}}}`).title).toBe(text);
  });

  it('keeps the text of a command it does not know, and says so', () => {
    const result = parseBibtex('@misc{k,\n  title = {See \\cite{Knuth84} and \\foo bar}}');
    expect(result.records[0]?.paper.title).toBe('See Knuth84 and foo bar');
    expect(result.records[0]?.warnings).toEqual([
      { line: 2, entry: 'k', message: 'The title field uses LaTeX commands Sift does not know (\\cite, \\foo), kept as plain text.' },
    ]);
  });

  it.each([
    ['Costs in $ and {\\\'E}cus', 'Costs in $ and Écus'],
    ['\\begin{quote}Caf\\\'e', 'Café'],
  ])('reads %s with its unbalanced LaTeX as %s, with a warning', (tex, text) => {
    const result = parseBibtex(`@misc{k, title = {${tex}}}`);
    expect(result.records[0]?.paper.title).toBe(text);
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'The title field has unbalanced LaTeX (a lone "$" or a \\begin without \\end), so "$" was kept as a dollar sign.',
    ]);
  });

  it('keeps the text of a value citation-js cannot read at all, with a warning', () => {
    const result = parseBibtex('@misc{k, title = {See \\href{http://x.org}}}');
    expect(result.records[0]?.paper.title).toBe('See http://x.org');
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual([
      'The title field could not be read as LaTeX, so it was kept with its markup removed.',
    ]);
  });

  it('keeps mojibake as it is', () => {
    expect(only('@misc{k, title = {300Â°C and 400-500Ânm}}').title).toBe('300Â°C and 400-500Ânm');
  });
});

describe('@string, # and entry syntax', () => {
  it('expands @string macros case-insensitively and concatenates with #', () => {
    const result = parseBibtex('@String{jnl = "Journal"}\n@STRING(pub = {Pub Co.})\n@article{k, journal = JNL # { of } # "Things", publisher = Pub, title = {T}}');
    expect(result.records[0]?.paper.venue).toBe('Journal of Things');
    expect(result.records[0]?.paper.extra.publisher).toBe('Pub Co.');
    expect(allWarnings(result)).toEqual([]);
  });

  it('knows the month macros BibTeX styles define', () => {
    expect(only('@misc{k, title = {T}, month = sep}').extra.month).toBe('09');
  });

  it('keeps an undefined macro as text and names it in a warning with its line', () => {
    const result = parseBibtex('@misc{k,\n  title = {T},\n  publisher = ACME # { Press}}');
    expect(result.records[0]?.paper.extra.publisher).toBe('ACME Press');
    expect(result.records[0]?.warnings).toEqual([
      { line: 3, entry: 'k', message: 'The @string macro "ACME" is not defined; its name was kept as text.' },
    ]);
  });

  it('reports an undefined macro used inside an @string definition, and keeps its name a word', () => {
    const result = parseBibtex('@string{a = b # "x"}\n@misc{k, title = a}');
    expect(result.records[0]?.paper.title).toBe('b x');
    expect(result.warnings).toEqual([{ line: 1, message: 'The @string macro "b" is not defined; its name was kept as text.' }]);
  });

  it.each([
    ['parentheses', '@article(key, title = {A (parenthesised) title}, year = 2001)'],
    ['braces', '@article{key, title = {A (parenthesised) title}, year = 2001}'],
    ['quotes', '@article{key, title = "A (parenthesised) title", year = "2001"}'],
    ['upper case and spaces', '@ARTICLE { key ,\n  TITLE = {A (parenthesised) title} ,\n  YEAR = {2001} ,\n}'],
  ])('reads an entry written with %s', (_what, bib) => {
    expect(only(bib)).toMatchObject({ title: 'A (parenthesised) title', year: 2001, citationKey: 'key', type: 'article' });
  });

  it('makes no paper of @preamble, @comment, @string and free text', () => {
    const result = parseBibtex(
      '@preamble{"\\newcommand{\\noopsort}[1]{} \\@ifundefined{x}{y}"}\nSome notes @ home.\n@comment{@article{old, title = {Commented out}}}\n@string{s = "S"}\n@misc{k, title = s}',
    );
    expect(result.records.map((record) => record.paper.title)).toEqual(['S']);
    expect(allWarnings(result)).toEqual([]);
  });

  it('reads an entry whose value contains "@x{"', () => {
    const result = parseBibtex('@misc{a, title = {Mail me @home{now}}, year = 2000}\n@misc{b, title = {B}}');
    expect(result.records.map((record) => record.paper.title)).toEqual(['Mail me @homenow', 'B']);
    expect(allWarnings(result)).toEqual([]);
  });

  it('skips a broken entry with a warning naming its line and reads the others', () => {
    const result = parseBibtex('@misc{a, title = {A}}\n\n@misc{b,\n  title = {B} junk,\n}\n@misc{c, title = {C}}');
    expect(result.records.map((record) => record.paper.title)).toEqual(['A', 'C']);
    expect(result.warnings).toEqual([
      { line: 4, entry: 'b', message: 'Skipped an unreadable @misc entry "b" (starting on line 3): expected a closing brace or parenthesis but found "junk".' },
    ]);
  });

  it('warns when an entry opens with ( and closes with }', () => {
    const result = parseBibtex('@misc(k, title = {T}}');
    expect(result.records[0]?.warnings.map((warning) => warning.message)).toEqual(['The entry opens with "(" but closes with "}".']);
  });

  it('imports an entry without a key, with a warning', () => {
    const result = parseBibtex('@article{\n  title = {No key},\n  year = 1999\n}');
    expect(result.records[0]?.paper).toMatchObject({ title: 'No key', year: 1999 });
    expect(result.records[0]?.paper.citationKey).toBeUndefined();
    expect(result.records[0]?.warnings).toEqual([{ line: 1, entry: 'No key', message: 'This entry has no citation key.' }]);
  });

  it('imports both entries of a repeated key, with a warning on the second', () => {
    const result = parseBibtex('@misc{same, title = {First}}\n@misc{same, title = {Second}}');
    expect(result.records.map((record) => record.paper.title)).toEqual(['First', 'Second']);
    expect(result.records[1]?.warnings).toEqual([
      { line: 2, entry: 'same', message: 'The citation key "same" was already used on line 1; both entries were imported.' },
    ]);
  });

  it('keeps the first of a repeated field, with a warning', () => {
    const result = parseBibtex('@misc{k,\n  title = {First},\n  title = {Second}\n}');
    expect(result.records[0]?.paper.title).toBe('First');
    expect(result.records[0]?.warnings).toEqual([{ line: 3, entry: 'k', message: 'The field "title" appears twice; the first value was kept.' }]);
  });
});

describe('names', () => {
  it.each([
    ['van der Waals, J. D.', [{ family: 'van der Waals', given: 'J. D.' }]],
    ['Ludwig van Beethoven', [{ family: 'van Beethoven', given: 'Ludwig' }]],
    ['de la Fontaine, Jean and Jean de la Fontaine', [{ family: 'de la Fontaine', given: 'Jean' }, { family: 'de la Fontaine', given: 'Jean' }]],
    ['King, Jr., Martin Luther', [{ family: 'King', given: 'Martin Luther, Jr.' }]],
    ['{World Health Organization}', [{ literal: 'World Health Organization' }]],
    ['{Barnes and Noble} and Smith, J.', [{ literal: 'Barnes and Noble' }, { family: 'Smith', given: 'J.' }]],
    ['{\\"O}zkal, Erhan AND {\\\'E}mile Zola', [{ family: 'Özkal', given: 'Erhan' }, { family: 'Zola', given: 'Émile' }]],
    ['Richard H. Granger, Jr and E.G. McCluskey, Jr.', [{ family: 'Granger', given: 'Richard H., Jr' }, { family: 'McCluskey', given: 'E.G., Jr.' }]],
    ['Plato', [{ family: 'Plato' }]],
    ['family=Doe, given=Jane', [{ family: 'Doe', given: 'Jane' }]],
    ['Smith, J. and others', [{ family: 'Smith', given: 'J.' }, { literal: 'et al.' }]],
    ['Smith, J. and et al.', [{ family: 'Smith', given: 'J.' }, { literal: 'et al.' }]],
  ])('%s', (names, authors) => {
    expect(only(`@misc{k, title = {T}, author = {${names}}}`).authors).toEqual(authors);
  });

  it('writes other name lists to extra in BibTeX syntax', () => {
    const paper = only('@book{k, title = {T}, editor = {van Dyke, Anne and {ACME Corp.} and others}}');
    expect(paper.authors).toEqual([]);
    expect(paper.extra.editor).toBe('van Dyke, Anne and {ACME Corp.} and others');
  });
});

describe('crossref', () => {
  const proceedings = '@proceedings{conf, title = {Proc. of Things}, year = 1999, publisher = {ACM}, editor = {Ed, Ann}}';

  it('gives a paper the title of its proceedings as venue, and the fields it lacks', () => {
    const result = parseBibtex(`@inproceedings{part, title = {Part}, author = {Doe, J.}, crossref = {conf}, pages = {1--2}}\n${proceedings}`);
    const part = result.records[0]?.paper;
    expect(part).toMatchObject({ title: 'Part', venue: 'Proc. of Things', year: 1999, type: 'inproceedings' });
    expect(part?.extra).toEqual({ crossref: 'conf', pages: '1–2', publisher: 'ACM', editor: 'Ed, Ann' });
    expect(result.records[1]?.paper).toMatchObject({ title: 'Proc. of Things', type: 'book' });
  });

  it("keeps the child's own fields over its parent's", () => {
    const result = parseBibtex(`${proceedings}\n@inproceedings{part, title = {Part}, year = 2000, crossref = {CONF}}`);
    expect(result.records[1]?.paper).toMatchObject({ year: 2000, venue: 'Proc. of Things' });
  });

  it('warns, with the line of the crossref field, when the target is missing', () => {
    const result = parseBibtex('@inproceedings{part,\n  title = {Part},\n  crossref = {nowhere}\n}');
    expect(result.records[0]?.paper.extra.crossref).toBe('nowhere');
    expect(result.records[0]?.warnings).toEqual([
      { line: 3, entry: 'part', message: 'The crossref target "nowhere" is not in this file, so nothing was inherited from it.' },
    ]);
  });

  it('does not loop on a crossref cycle', () => {
    const result = parseBibtex('@misc{a, title = {A}, crossref = {b}}\n@misc{b, crossref = {a}}');
    expect(result.records[1]?.paper.title).toBe('A');
    expect(allWarnings(result).map((warning) => warning.message)).toEqual([
      'The crossref chain through "a" loops back; only that entry\'s own fields were inherited.',
    ]);
  });

  it('fills fields from @xdata entries, which are no papers themselves', () => {
    const result = parseBibtex('@xdata{pub, publisher = {Springer}, location = {Berlin}}\n@book{k, title = {T}, xdata = {pub}}');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.paper.extra).toEqual({ xdata: 'pub', publisher: 'Springer', location: 'Berlin' });
  });
});

describe('BibLaTeX fields and identifiers', () => {
  it.each([
    ['1984/1986', 1984],
    ['2004-10-27', 2004],
    ['1991-03', 1991],
    ['1997-09-16/2001-03', 1997],
    ['../2000', 2000],
  ])('date = %s gives the year %i and stays in extra', (date, year) => {
    const paper = only(`@online{k, title = {T}, date = {${date}}}`);
    expect(paper.year).toBe(year);
    expect(paper.extra.date).toBe(date);
  });

  it('prefers year over date, and keeps a year that is more than a year', () => {
    expect(only('@misc{k, title = {T}, year = 2001, date = {1999}}').year).toBe(2001);
    const paper = only('@misc{k, title = {T}, year = {1994a}}');
    expect(paper.year).toBe(1994);
    expect(paper.extra.year).toBe('1994a');
  });

  it('uses journaltitle, journal or booktitle as the venue', () => {
    expect(only('@article{k, title = {T}, journaltitle = {J. Bio.}}').venue).toBe('J. Bio.');
    expect(only('@article{k, title = {T}, journal = {Nature}}').venue).toBe('Nature');
    expect(only('@inproceedings{k, title = {T}, booktitle = {Proc. {NeurIPS}}}').venue).toBe('Proc. NeurIPS');
  });

  it.each([
    ['@online{k, title = {T}, eprint = {2106.09685}, eprinttype = {arxiv}}', { type: 'preprint', arxivId: '2106.09685' }],
    ['@misc{k, title = {T}, eprint = {2106.09685v2}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}', { type: 'preprint', arxivId: '2106.09685v2' }],
    ['@article{k, title = {T}, eprint = {arXiv:hep-th/9603067}, eprinttype = {arXiv}}', { type: 'preprint', arxivId: 'hep-th/9603067' }],
    ['@article{k, title = {T}, journal = {Phys. Rev. D}, eprint = {1234.56789}, eprinttype = {arxiv}}', { type: 'article', arxivId: '1234.56789' }],
    ['@article{k, title = {T}, journal = {arXiv preprint arXiv:1706.03762}}', { type: 'preprint', arxivId: '1706.03762' }],
    ['@article{k, title = {T}, journal = {CoRR}, volume = {abs/1409.0473}}', { type: 'preprint', arxivId: '1409.0473' }],
    ['@misc{k, title = {T}, url = {https://arxiv.org/abs/2206.10883v3}}', { type: 'preprint', arxivId: '2206.10883v3' }],
  ])('%s', (bib, expected) => {
    expect(only(bib)).toMatchObject(expected);
  });

  it('keeps a non-arXiv eprint in extra', () => {
    const paper = only('@book{k, title = {T}, eprint = {4HIWAAAAYAAJ}, eprinttype = {googlebooks}}');
    expect(paper.arxivId).toBeUndefined();
    expect(paper.extra).toEqual({ eprint: '4HIWAAAAYAAJ', eprinttype: 'googlebooks' });
  });

  it.each([
    ['https://doi.org/10.1000/ABC.123', '10.1000/ABC.123'],
    ['doi:10.1000/xyz', '10.1000/xyz'],
    ['http://dx.doi.org/10.1109/MSP.2004.81', '10.1109/MSP.2004.81'],
    ['10.1002/a\\_b', '10.1002/a_b'],
  ])('doi = %s → %s', (written, doi) => {
    expect(only(`@article{k, title = {T}, doi = {${written}}}`).doi).toBe(doi);
  });

  it('keeps a DOI field that is not a DOI in extra, with a warning', () => {
    const result = parseBibtex('@article{k, title = {T}, doi = {n/a}}');
    expect(result.records[0]?.paper.doi).toBeUndefined();
    expect(result.records[0]?.paper.extra.doi).toBe('n/a');
    expect(result.records[0]?.warnings[0]?.message).toBe('The doi "n/a" is not a DOI; it was kept in the extra fields.');
  });

  it('keeps url and abstract, and a url from \\url in howpublished', () => {
    const paper = only('@misc{k, title = {T}, url = {https://example.org/~me/a_b%20c}, abstract = {We show {X}.}}');
    expect(paper).toMatchObject({ url: 'https://example.org/~me/a_b%20c', abstract: 'We show X.' });
    expect(only('@misc{k, title = {T}, howpublished = {\\url{https://example.org/~x--y}}}')).toMatchObject({
      url: 'https://example.org/~x--y',
      extra: { howpublished: 'https://example.org/~x--y' },
    });
  });

  it.each([
    ['a, b; c', ['a', 'b', 'c']],
    ['{Smith, J.}; machine learning,  deep learning ', ['Smith, J.', 'machine learning', 'deep learning']],
    ['x, x, y', ['x', 'y']],
  ])('keywords = {%s}', (written, keywords) => {
    expect(only(`@misc{k, title = {T}, keywords = {${written}}}`).keywords).toEqual(keywords);
  });

  it.each([
    ['article', 'article'], ['inproceedings', 'inproceedings'], ['conference', 'inproceedings'], ['book', 'book'],
    ['mvbook', 'book'], ['collection', 'book'], ['proceedings', 'book'], ['incollection', 'chapter'], ['inbook', 'chapter'],
    ['phdthesis', 'thesis'], ['mastersthesis', 'thesis'], ['thesis', 'thesis'], ['techreport', 'report'], ['report', 'report'],
    ['manual', 'report'], ['online', 'webpage'], ['dataset', 'dataset'], ['software', 'software'], ['misc', 'misc'],
    ['unpublished', 'misc'], ['patent', 'misc'],
  ])('@%s becomes %s', (entryType, type) => {
    const paper = only(`@${entryType}{k, title = {T}}`);
    expect(paper.type).toBe(type);
    expect(paper.extra.entrytype).toBe(entryType === type ? undefined : entryType);
  });

  it('imports an unknown entry type as misc, with a warning', () => {
    const result = parseBibtex('@whitepaper{k, title = {T}}');
    expect(result.records[0]?.paper).toMatchObject({ type: 'misc', extra: { entrytype: 'whitepaper' } });
    expect(result.records[0]?.warnings[0]?.message).toBe('The entry type @whitepaper is not a BibTeX or BibLaTeX type; it was imported as misc.');
  });
});

describe('input that is not a .bib file', () => {
  it.each([
    ['empty', ''],
    ['plain text', 'Just some notes about papers I should read.'],
    ['a lone @', '@'],
    ['braces only', '{}}}{{'],
    ['a type and nothing else', '@article'],
    ['an open entry', '@article{'],
    ['an entry cut after its key', '@article{key,'],
    ['an unclosed value', '@article{key, title = {never closed'],
    ['a NUL and control characters', '@misc{k, title = {a\u0000b\u0007}}\u0000'],
    ['a lone surrogate', '@misc{k, title = {\uD800}}'],
    ['JSON', '[{"type": "article-journal", "title": "CSL"}]'],
    ['RIS', 'TY  - JOUR\nTI  - A title\nER  - '],
  ])('%s does not throw', (_what, input) => {
    const result = parseBibtex(input);
    expect(result.format).toBe('bibtex');
    expect(Array.isArray(result.records)).toBe(true);
  });

  it('turns a failure of the whole parse into one warning and no papers', () => {
    expect(parseBibtex(null as unknown as string)).toEqual({
      format: 'bibtex',
      records: [],
      warnings: [{ message: 'This BibTeX file could not be read (the input is not text).' }],
    });
  });

  it('lists at most 200 problems and counts the rest', () => {
    const result = parseBibtex('@misc{k, junk junk}\n'.repeat(300));
    expect(result.records).toEqual([]);
    expect(result.warnings).toHaveLength(201);
    expect(result.warnings[200]).toEqual({ message: '100 more problems like these are not listed.' });
  });
});

describe('hostile input finishes (a hang fails by timeout)', () => {
  it('a 615-byte macro bomb: nested @string expansions', { timeout: 20_000 }, () => {
    const names = 'abcdefghij';
    let bomb = '@string{a = "0123456789 "}\n';
    for (let level = 1; level < names.length; level += 1) {
      bomb += `@string{${names[level]} = ${Array(10).fill(names[level - 1]).join(' # ')}}\n`;
    }
    bomb += '@misc{bomb, title = j # j, author = j, abstract = j # j # j, note = j}\n';
    bomb = bomb.padEnd(615, '%');
    expect(bomb).toHaveLength(615);
    // Unbounded, "j" would expand to 11 × 10^9 characters.
    const result = parseBibtex(bomb);
    expect(result.records).toHaveLength(1);
    expect(result.warnings.map((warning) => warning.message)).toContain(
      '@string macros expand to more than 8,000,000 characters; "f" and later macros were kept as names.',
    );
    const check = paperSchema.safeParse(newPaper({ id: 'bomb', ...(result.records[0]?.paper as PaperDraft) }, '2026-01-01T00:00:00.000Z'));
    expect(check.success).toBe(true);
  });

  it('200 KB of "@"', { timeout: 20_000 }, () => {
    expect(parseBibtex('@'.repeat(200_000))).toEqual({ format: 'bibtex', records: [], warnings: [] });
  });

  it('200 KB of "@a{", each a broken entry', { timeout: 20_000 }, () => {
    const result = parseBibtex('@a{'.repeat(70_000));
    expect(result.records).toEqual([]);
    expect(result.warnings.at(-1)?.message).toBe('69,800 more problems like these are not listed.');
  });

  it('100,000 nested braces', { timeout: 20_000 }, () => {
    const result = parseBibtex(`@misc{deep, title = ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}\n@misc{next, title = {Next}}`);
    expect(result.records.map((record) => record.paper.title)).toEqual(['Next']);
    expect(result.warnings[0]?.message).toBe('Skipped an unreadable @misc entry "deep" (starting on line 1): its braces are nested too deeply.');
  });

  it('200 KB of random BibTeX-ish characters', { timeout: 20_000 }, () => {
    let seed = 7;
    const random = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const alphabet = '@{}()"#,=%\\$~ \n\tabcxyzAB01-_:';
    let text = '';
    for (let index = 0; index < 200_000; index += 1) text += alphabet[Math.floor(random() * alphabet.length)];
    const result = parseBibtex(text);
    expect(result.format).toBe('bibtex');
    for (const warning of allWarnings(result)) {
      if (!/more problems like these/.test(warning.message)) expect(warning.line, warning.message).toBeGreaterThan(0);
    }
  });
});
