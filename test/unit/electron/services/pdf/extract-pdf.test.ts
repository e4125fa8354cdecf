import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf, type PdfExtraction } from '../../../../../electron/services/pdf/extract-pdf';

const fixtures = fileURLToPath(new URL('../../../../fixtures/pdf/', import.meta.url));

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(fixtures, name)));
}

/**
 * Every PDF fixture, with the truth from test/fixtures/SOURCES.md: outcome, page count and the
 * paper's real title. c02-22 (a scan) has no title to find; issue6010 needs its password.
 */
const truth: {
  file: string;
  password?: string;
  outcome: PdfExtraction['outcome'];
  pages: number;
  title: string;
  repaired?: boolean;
  encrypted?: boolean;
}[] = [
  { file: 'tracemonkey.pdf', outcome: 'ok', pages: 14, title: 'Trace-based Just-in-Time Type Specialization for Dynamic Languages' },
  { file: '2206.10883v3.pdf', outcome: 'ok', pages: 37, title: 'Multi-LexSum: Real-World Summaries of Civil Rights Lawsuits at Multiple Granularities' },
  { file: 'Keim2024.pdf', outcome: 'ok', pages: 13, title: 'Recovering Trace Links Between Software Documentation And Code' },
  { file: 'TAMReview.pdf', outcome: 'ok', pages: 23, title: 'Overview of the Technology Acceptance Model: Origins, Developments and Future Directions' },
  {
    file: 'Kriha2018.pdf',
    outcome: 'ok',
    pages: 8,
    title: 'On How We Can Teach – Exploring New Ways in Professional Software Development for Students',
  },
  { file: 'thesis-example.pdf', outcome: 'ok', pages: 33, title: 'Thesis Title' },
  { file: 'c02-22.pdf', outcome: 'scanned', pages: 1, title: '' },
  { file: 'LNCS-minimal-protected.pdf', outcome: 'ok', pages: 2, title: 'Paper Title', encrypted: true },
  { file: 'issue6010_1.pdf', password: 'abc', outcome: 'ok', pages: 1, title: 'Issue 6010', encrypted: true },
  { file: 'xref_command_missing.pdf', outcome: 'ok', pages: 1, title: 'Reduced test-case', repaired: true },
];

const results = new Map<string, PdfExtraction>();

beforeAll(async () => {
  for (const entry of truth) {
    results.set(entry.file, await extractPdf(await fixture(entry.file), entry.password !== undefined ? { password: entry.password } : {}));
  }
}, 120_000);

function contents(file: string): Extract<PdfExtraction, { outcome: 'ok' | 'scanned' }> {
  const result = results.get(file);
  if (result?.outcome !== 'ok' && result?.outcome !== 'scanned') throw new Error(`${file}: ${JSON.stringify(result)}`);
  return result;
}

describe('extractPdf on every PDF fixture', () => {
  it.each(truth)('$file: $outcome, $pages pages, title “$title”', ({ file, outcome, pages, title, repaired = false, encrypted = false }) => {
    const result = contents(file);
    expect(result.outcome).toBe(outcome);
    expect(result.pageCount).toBe(pages);
    expect(result.paper.title).toBe(title);
    expect(result.repaired).toBe(repaired);
    expect(result.encrypted).toBe(encrypted);
    expect(result.pages).toHaveLength(pages);
  });

  it('asks for the password of issue6010_1 and names a wrong one', async () => {
    const bytes = await fixture('issue6010_1.pdf');
    expect(await extractPdf(bytes)).toEqual({ outcome: 'password-required', reason: 'no-password', message: 'This PDF needs a password to open' });
    expect(await extractPdf(bytes, { password: 'wrong' })).toMatchObject({ outcome: 'password-required', reason: 'incorrect-password' });
  });

  it('reads the owner-password-only LNCS file without a password', () => {
    const result = contents('LNCS-minimal-protected.pdf');
    expect(result.pages.join('\n')).toContain('Hello, here is some text without a meaning.');
    expect(result.paper.abstract).toBe('Abstract goes here');
  });

  it('marks the scan c02-22 as having no text layer, with metadata only', () => {
    const result = contents('c02-22.pdf');
    expect(result.pages).toEqual(['']);
    expect(result.warnings.map((warning) => warning.message)).toContain('No text layer: this looks like a scan, so it was imported with its metadata only');
    expect(result.metadata.producer).toBe('Mac OS X 10.10.4 Quartz PDFContext');
  });

  it('says the file with the broken cross-reference table was repaired, and reads its text', () => {
    const result = contents('xref_command_missing.pdf');
    expect(result.pages[0]).toBe('Reduced test-case');
    expect(result.warnings[0]?.message).toMatch(/repaired/);
  });

  it.each([
    ['tracemonkey.pdf', 'Dynamic languages such as JavaScript are more difficult to compile than statically typed ones.', 'for certain benchmark programs.'],
    ['2206.10883v3.pdf', 'With the advent of large language models, methods for abstractive summarization have made great strides,', 'to assist in the CRLC’s mission.'],
    ['Keim2024.pdf', 'Introduction Software development involves creating various artifacts at different levels of abstraction', 'further possibilities for such transitive approaches.'],
    ['TAMReview.pdf', 'User acceptance of technology has been an important field of study for over two decades now.', 'a well established theory for the IS community.'],
    ['Kriha2018.pdf', 'Requirements and approaches for introductory courses in software development at universities differ considerably.', 'some quantitative results as well in later publications.'],
    ['LNCS-minimal-protected.pdf', 'Abstract goes here', 'Abstract goes here'],
  ])('%s: the abstract runs from its first to its last sentence', (file, start, end) => {
    const abstract = contents(file).paper.abstract ?? '';
    expect(abstract.startsWith(start)).toBe(true);
    expect(abstract.endsWith(end)).toBe(true);
  });

  it('joins hyphenated words the way the document writes them', () => {
    expect(contents('Keim2024.pdf').paper.abstract).toContain('using component-based architecture models');
    expect(contents('2206.10883v3.pdf').paper.abstract).toContain('aid knowledge workers');
    expect(contents('2206.10883v3.pdf').paper.abstract).toContain('(CRLC), which posts');
  });

  it.each(['thesis-example.pdf', 'c02-22.pdf', 'issue6010_1.pdf', 'xref_command_missing.pdf'])('%s has no abstract', (file) => {
    expect(contents(file).paper.abstract).toBeUndefined();
  });

  it('finds the arXiv id in the side stamp of 2206.10883v3, and the year it implies', () => {
    const { paper } = contents('2206.10883v3.pdf');
    expect(paper).toMatchObject({ arxivId: '2206.10883', year: 2022, type: 'preprint' });
    expect(paper.doi).toBeUndefined();
  });

  it('takes the DOI of Keim2024 from its XMP metadata', () => {
    expect(contents('Keim2024.pdf').paper).toMatchObject({ doi: '10.1145/3597503.3639130', year: 2024, type: 'inproceedings' });
    expect(contents('Keim2024.pdf').metadata.doi).toBe('10.1145/3597503.3639130');
  });

  it.each(['tracemonkey.pdf', 'TAMReview.pdf', 'Kriha2018.pdf', 'thesis-example.pdf', 'LNCS-minimal-protected.pdf'])('%s has neither DOI nor arXiv id', (file) => {
    const { paper } = contents(file);
    expect(paper.doi).toBeUndefined();
    expect(paper.arxivId).toBeUndefined();
  });

  it.each([
    [
      'tracemonkey.pdf',
      'Andreas Gal, Brendan Eich, Mike Shaver, David Anderson, David Mandelin, Mohammad R. Haghighat, Blake Kaplan, Graydon Hoare, Boris Zbarsky, Jason Orendorff, Jesse Ruderman, Edwin Smith, Rick Reitmaier, Michael Bebenita, Mason Chang, Michael Franz',
    ],
    ['2206.10883v3.pdf', 'Zejiang Shen, Kyle Lo, Lauren Yu, Nathan Dahlberg, Margo Schlanger, Doug Downey'],
    ['Keim2024.pdf', 'Jan Keim, Sophie Corallo, Dominik Fuchß, Tobias Hey, Tobias Telge, Anne Koziolek'],
    ['TAMReview.pdf', 'Mohammad Chuttur'],
    ['Kriha2018.pdf', 'Walter Kriha, Tobias Jordine'],
  ])('%s: the authors under the title', (file, names) => {
    const authors = contents(file).paper.authors.map((author) => ('literal' in author ? author.literal : `${author.given ?? ''} ${author.family}`.trim()));
    expect(authors.join(', ')).toBe(names);
  });

  it('ignores junk metadata, and says so', () => {
    expect(contents('Kriha2018.pdf').warnings.map((warning) => warning.message)).toContain(
      'The metadata title “Microsoft Word - ieee_on_how_we_teach_jul_01.docx” was ignored (a word processor’s file name)',
    );
    // TAMReview's Info Author is a Perl bug; the author comes from the page instead.
    expect(contents('TAMReview.pdf').metadata.author).toBe('ARRAY(0x2c7cf020)');
    expect(contents('TAMReview.pdf').paper.authors).toEqual([{ family: 'Chuttur', given: 'Mohammad' }]);
  });

  it('reports where the title came from and cleans metadata strings', () => {
    expect(contents('Keim2024.pdf').titleSource).toBe('metadata');
    expect(contents('TAMReview.pdf').metadata.title).toBe('Overview of the Technology Acceptance Model: Origins, Developments and Future Directions');
    expect(contents('TAMReview.pdf').info.Title).toMatch(/\r\n$/);
    expect(contents('tracemonkey.pdf').titleSource).toBe('page');
    expect(contents('c02-22.pdf').titleSource).toBe('none');
  });

  it('keeps keywords from metadata, else from the page', () => {
    expect(contents('Keim2024.pdf').paper.keywords).toEqual([
      'software traceability',
      'software architecture',
      'documentation',
      'transitive links',
      'intermediate artifacts',
      'information retrieval',
    ]);
    expect(contents('Kriha2018.pdf').paper.keywords).toEqual(['Computer science education', 'Object oriented programming', 'Object oriented methods']);
    expect(contents('tracemonkey.pdf').paper.keywords).toEqual(['JavaScript', 'just-in-time compilation', 'trace trees']);
  });

  it('gives page 1’s text items with font sizes; the rotated stamp is marked, and kept in the full text', () => {
    const result = contents('2206.10883v3.pdf');
    const stamp = result.firstPage.items.find((item) => item.text.startsWith('arXiv:2206.10883v3'));
    expect(stamp).toMatchObject({ upright: false, fontSize: 20 });
    const title = result.firstPage.items.find((item) => item.text === 'Multi-LexSum: Real-World Summaries of Civil');
    expect(title?.fontSize).toBeCloseTo(17.2, 1);
    expect(title?.upright).toBe(true);
    expect(result.pages[0]).toContain('arXiv:2206.10883v3 [cs.CL] 22 Jul 2022');
  });

  it('reads only as many pages as asked, but counts them all', async () => {
    const result = await extractPdf(await fixture('tracemonkey.pdf'), { maxPages: 2 });
    expect(result).toMatchObject({ outcome: 'ok', pageCount: 14 });
    if (result.outcome !== 'ok') return;
    expect(result.pages).toHaveLength(2);
    expect(result.warnings.map((warning) => warning.message)).toContain('Only the first 2 of 14 pages were read');
  }, 30_000);

  it('leaves the caller’s bytes usable', async () => {
    const bytes = await fixture('xref_command_missing.pdf');
    await extractPdf(bytes);
    expect(bytes.byteLength).toBe(631);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'The file is empty'],
    ['a web page saved as .pdf', new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>'), 'This is a web page saved with a .pdf name, not a PDF'],
    ['random bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'This is not a PDF file (it has no %PDF header)'],
    ['a PDF header and nothing else', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), 'The PDF is damaged beyond repair'],
  ])('gives a clear message for %s', async (_what, bytes, message) => {
    expect(await extractPdf(bytes)).toMatchObject({ outcome: 'corrupt', message });
  });
});
