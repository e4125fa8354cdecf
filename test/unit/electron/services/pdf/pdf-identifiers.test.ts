import { describe, expect, it } from 'vitest';
import { cleanDoi, findArxivId, findDoi, findYear, isArxivStamp, parseArxivId } from '../../../../../electron/services/pdf/pdf-identifiers';

describe('isArxivStamp', () => {
  it.each([
    ['arXiv:2206.10883v3 [cs.CL] 22 Jul 2022', true],
    ['arXiv:1706.03762v7 [cs.CL] 2 Aug 2023', true],
    ['arXiv:2401.00001v1  [math.AG]  1 Jan 2024', true],
    ['arXiv:hep-th/9901001v1  4 Jan 1999', true],
    ['arXiv:math/0309136v2 [math.GT] 9 Sep 2003', true],
    ['arXiv:2206.10883', false],
    ['See arXiv:2206.10883v3 [cs.CL] 22 Jul 2022 for the long version', false],
    ['Multi-LexSum: Real-World Summaries of Civil', false],
  ])('%j → %s', (text, expected) => {
    expect(isArxivStamp(text)).toBe(expected);
  });
});

describe('parseArxivId', () => {
  it.each([
    ['2206.10883v3', { id: '2206.10883', version: 'v3', year: 2022 }],
    ['2206.10883', { id: '2206.10883', year: 2022 }],
    ['0704.0001', { id: '0704.0001', year: 2007 }],
    ['1501.00001v12', { id: '1501.00001', version: 'v12', year: 2015 }],
    ['hep-th/9901001v2', { id: 'hep-th/9901001', version: 'v2', year: 1999 }],
    ['math.GT/0309136', { id: 'math.GT/0309136', year: 2003 }],
    ['cs/0112017', { id: 'cs/0112017', year: 2001 }],
    ['2213.00001', undefined],
    ['0612.1234', undefined],
    ['10.1145/3597503', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseArxivId(text)).toEqual(expected);
  });
});

describe('findArxivId', () => {
  it.each([
    ['the side stamp in page text', [], 'Title\narXiv:2206.10883v3 [cs.CL] 22 Jul 2022\nAuthors', '2206.10883'],
    ['an old-style stamp', [], 'arXiv:hep-th/9901001v1  4 Jan 1999', 'hep-th/9901001'],
    ['an arxiv.org link in metadata', ['https://arxiv.org/abs/2101.00001v2'], '', '2101.00001'],
    ['an arXiv DOI in metadata', ['10.48550/arXiv.2301.12345'], '', '2301.12345'],
    ['"arXiv:" in metadata', ['arXiv:1706.03762'], '', '1706.03762'],
    ['a citation in running text (not taken)', [], 'as shown by Vaswani et al. (arXiv:1706.03762), attention', undefined],
  ])('from %s', (_what, metadata, pageText, expected) => {
    expect(findArxivId(metadata, pageText)?.id).toBe(expected);
  });
});

describe('DOIs', () => {
  it.each([
    ['10.1145/3597503.3639130.', '10.1145/3597503.3639130'],
    ['10.1000/xyz(123)', '10.1000/xyz(123)'],
    ['10.1000/abc)', '10.1000/abc'],
    ['10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0'],
    ['11.1000/abc', undefined],
  ])('cleanDoi(%j) → %j', (raw, expected) => {
    expect(cleanDoi(raw)).toBe(expected);
  });

  it.each([
    ['XMP prism:doi', ['10.1145/3597503.3639130'], '', '10.1145/3597503.3639130'],
    ['an Info Subject naming it', [undefined, 'Cell 180 (2020) 1–10. doi:10.1016/j.cell.2020.01.001'], '', '10.1016/j.cell.2020.01.001'],
    ['a labelled DOI on the page', [], 'Published 2020. DOI: 10.1016/j.cell.2020.01.001.', '10.1016/j.cell.2020.01.001'],
    ['a doi.org link on the page', [], 'https://doi.org/10.1145/3597503.3639130', '10.1145/3597503.3639130'],
    ['a percent-encoded link', [], 'https://doi.org/10.1000%2Fabc', '10.1000/abc'],
    ['the labelled one among several', [], 'see 10.1000/cited.1 and 10.1000/cited.2; doi: 10.1000/ours', '10.1000/ours'],
    ['a single unlabelled DOI', [], 'Available as 10.1000/only.one today', '10.1000/only.one'],
    ['several unlabelled DOIs (citations, not taken)', [], 'see 10.1000/cited.1 and 10.1000/cited.2', undefined],
    ['no DOI', [], 'Nothing here', undefined],
  ])('findDoi from %s', (_what, metadata, pageText, expected) => {
    expect(findDoi(metadata, pageText)).toBe(expected);
  });
});

describe('findYear', () => {
  it.each([
    ['an ACM copyright line', { pageText: '© 2024 Copyright held by the owner/author(s).' }, 2024],
    ['"Copyright c © 2009" as pdf.js reads it', { pageText: 'Copyright c © 2009 ACM 978-1-60558-392-1/09/06' }, 2009],
    ['a conference footer', { pageText: 'PLDI’09, June 15–20, 2009, Dublin, Ireland.' }, 2009],
    ['an XMP publication date', { publicationDate: '2019-05-01', pageText: '© 2021 Elsevier' }, 2019],
    ['the arXiv id when nothing else', { pageText: 'no dates', arxiv: { id: '2206.10883', year: 2022 } }, 2022],
    ['a year in the future (refused)', { pageText: '© 2031 The Future', currentYear: 2026 }, undefined],
    ['nothing', { pageText: 'Reduced test-case' }, undefined],
  ])('from %s', (_what, input, expected) => {
    expect(findYear(input)).toBe(expected);
  });
});
