import { describe, expect, it } from 'vitest';
import { insertPaperLink, paperIdFromHref, paperLinkHref, paperLinkMarkdown, paperLinkQueryAt } from '../../../../renderer/src/util/paper-link';

describe('links between papers in notes', () => {
  it.each([
    ['abc', 'sift:paper/abc'],
    ['a b/c?d#e', 'sift:paper/a%20b%2Fc%3Fd%23e'],
  ])('id %j is written as %j and read back', (id, href) => {
    expect(paperLinkHref(id)).toBe(href);
    expect(paperIdFromHref(href)).toBe(id);
  });

  it.each(['https://x.org', 'sift:paper/', 'sift:paper/a/b', 'sift:paper/%E0%A4%A', 'javascript:sift:paper/a', undefined, null])('%j is not a paper link', (href) => {
    expect(paperIdFromHref(href)).toBeUndefined();
  });

  it('escapes what Markdown would read in a title', () => {
    expect(paperLinkMarkdown('A [survey] of *RL*_\nagents <2024>', 'p1')).toBe('[A \\[survey\\] of \\*RL\\*\\_ agents \\<2024\\>](sift:paper/p1)');
    expect(paperLinkMarkdown('', 'p1')).toBe('[Untitled](sift:paper/p1)');
  });

  it.each([
    ['See [[att', 9, { start: 4, text: 'att' }],
    ['See [[', 6, { start: 4, text: '' }],
    ['[[one two three', 15, { start: 0, text: 'one two three' }],
    ['See [[att', 5, undefined],
    ['See [[att]] and', 15, undefined],
    ['[[first\nsecond', 14, undefined],
    ['a [single', 9, undefined],
  ])('in %j at %i the open link is %j', (text, caret, expected) => {
    expect(paperLinkQueryAt(text, caret)).toEqual(expected);
  });

  it('replaces the typed [[… with the link and puts the caret after it', () => {
    const text = 'Compare [[atten with this.';
    const caret = 'Compare [[atten'.length;
    const query = paperLinkQueryAt(text, caret);
    if (!query) throw new Error('no query');
    expect(insertPaperLink(text, query, caret, '[Attention](sift:paper/p1)')).toEqual({
      text: 'Compare [Attention](sift:paper/p1) with this.',
      caret: 'Compare [Attention](sift:paper/p1)'.length,
    });
    expect(insertPaperLink('[[x]]', { start: 0, text: 'x' }, 3, '[X](sift:paper/x)')).toEqual({ text: '[X](sift:paper/x)', caret: 17 });
  });
});
