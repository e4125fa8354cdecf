import { describe, expect, it } from 'vitest';
import { documentVocabulary, joinLines, pageText, readingLines, visualLines } from '../../../../../electron/services/pdf/pdf-text-layout';
import { page, run } from './pdf-page-builder';

describe('visualLines', () => {
  it('orders lines top to bottom whatever the content order, and joins superscripts to their line', () => {
    const lines = visualLines(
      page([
        run('Second line', 72, 600),
        run('Andreas Gal', 72, 644, 11, { endOfLine: false }),
        run('∗+', 132.5, 648, 8, { endOfLine: false }),
        run(', Brendan Eich', 140.5, 644, 11),
        run('Title', 72, 700, 18),
      ]),
    );
    expect(lines.map((line) => [line.text, line.rawText, line.fontSize])).toEqual([
      ['Title', 'Title', 18],
      ['Andreas Gal, Brendan Eich', 'Andreas Gal∗+, Brendan Eich', 11],
      ['Second line', 'Second line', 10],
    ]);
  });

  it('cuts a line into segments at wide gaps (an author grid)', () => {
    const [line] = visualLines(page([run('Jan Keim', 120, 656, 12), run('Sophie Corallo', 270, 656, 12), run('Dominik Fuchß', 432, 656, 12)]));
    expect(line?.segments).toEqual(['Jan Keim', 'Sophie Corallo', 'Dominik Fuchß']);
  });

  it('leaves rotated text out', () => {
    expect(visualLines(page([run('arXiv:2206.10883v3 [cs.CL] 22 Jul 2022', 32, 232, 20, { upright: false }), run('Body', 72, 500)])).map((line) => line.text)).toEqual(['Body']);
  });
});

describe('readingLines', () => {
  it('follows content order, breaking at end-of-line flags and baseline jumps', () => {
    const lines = readingLines(
      page([
        run('Column one,', 72, 500, 10, { endOfLine: false }),
        run('still column one', 130, 500, 10, { endOfLine: false }),
        run('Column two at the top', 320, 700, 10),
        run('and its next line', 320, 688, 10),
      ]),
    );
    expect(lines.map((line) => line.text)).toEqual(['Column one, still column one', 'Column two at the top', 'and its next line']);
  });

  it('drops a footnote mark after punctuation but keeps an exponent after a digit', () => {
    const [line] = readingLines(
      page([
        run('Clearinghouse (CRLC),', 72, 500, 10, { endOfLine: false }),
        run('1', 177, 503.6, 7, { endOfLine: false }),
        run(' ', 180.5, 503.6, 7, { endOfLine: false, width: 3 }),
        run('which posts over 10', 184, 500, 10, { endOfLine: false }),
        run('6', 279, 503.6, 7, { endOfLine: false }),
        run(' documents.', 282.5, 500, 10),
      ]),
    );
    expect(line?.text).toBe('Clearinghouse (CRLC), which posts over 106 documents.');
    expect(line?.rawText).toBe('Clearinghouse (CRLC),1 which posts over 106 documents.');
  });

  it('gives the full page text with rotated text included', () => {
    expect(pageText(page([run('Title', 72, 700, 18), run('arXiv:1 [x] 1 Jan 2020', 32, 300, 20, { upright: false })]))).toBe('Title\narXiv:1 [x] 1 Jan 2020');
  });
});

describe('joinLines', () => {
  it.each([
    [['knowl-', 'edge workers'], undefined, 'knowledge workers'],
    [['Multi-', 'LexSum'], undefined, 'Multi-LexSum'],
    [['component-', 'based models'], new Set(['component-based']), 'component-based models'],
    [['component-', 'based models'], new Set(['component-based', 'componentbased']), 'componentbased models'],
    [['state-', 'of-the-art methods'], undefined, 'state-of-the-art methods'],
    [['two', '', 'lines  with   gaps'], undefined, 'two lines with gaps'],
  ])('%j → %j', (lines, vocabulary, expected) => {
    expect(joinLines(lines, vocabulary)).toBe(expected);
  });

  it('builds a vocabulary with hyphenated compounds', () => {
    expect([...documentVocabulary(['A component-based approach.'])].sort()).toEqual(['a', 'approach', 'based', 'component', 'component-based']);
  });
});
