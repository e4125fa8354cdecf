import { describe, expect, it } from 'vitest';
import { escapeMarkdownInline, highlightsMarkdown } from '../../../../shared/export/highlights-markdown';
import type { Annotation } from '../../../../shared/model/library';

function highlight(page: number, top: number, quote: string, comment?: string): Annotation {
  return {
    id: `${page}-${top}`,
    attachmentId: 'pdf',
    page,
    rects: [[72, top, 100, 12]],
    quote,
    color: 'yellow',
    ...(comment !== undefined ? { comment } : {}),
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('highlightsMarkdown', () => {
  it('lists a paper\'s highlights under its title in reading order, with pages and comments', () => {
    const paper = {
      title: 'Trace-based Just-in-Time Type Specialization',
      annotations: [highlight(3, 400, 'later on page 3'), highlight(1, 90, 'first', 'the key idea'), highlight(3, 120, 'earlier on page 3', '  ')],
    };
    expect(highlightsMarkdown([paper])).toBe(
      [
        '## Trace-based Just-in-Time Type Specialization',
        '',
        '- "first" (p. 1) — the key idea',
        '- "earlier on page 3" (p. 3)',
        '- "later on page 3" (p. 3)',
        '',
      ].join('\n'),
    );
  });

  it('groups several papers and leaves out those without highlights', () => {
    expect(
      highlightsMarkdown([
        { title: 'A', annotations: [highlight(2, 10, 'one')] },
        { title: 'Nothing', annotations: [] },
        { title: '', annotations: [highlight(5, 10, 'two')] },
      ]),
    ).toBe('## A\n\n- "one" (p. 2)\n\n## Untitled\n\n- "two" (p. 5)\n');
  });

  it('is empty when nothing is highlighted', () => {
    expect(highlightsMarkdown([{ title: 'A', annotations: [] }])).toBe('');
  });

  it.each([
    ['line breaks and runs of spaces', 'trace\ntrees  are\r\n built', 'trace trees are built'],
    ['emphasis and code', 'a *b* _c_ `d`', 'a \\*b\\* \\_c\\_ \\`d\\`'],
    ['links', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['HTML tags', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['entities', 'AT&amp;T &lt; &#60; R&D', 'AT\\&amp;T \\&lt; \\&#60; R&D'],
    ['backslashes', 'C:\\path', 'C:\\\\path'],
  ])('escapes %s', (_name, text, expected) => {
    expect(escapeMarkdownInline(text)).toBe(expected);
  });

  it('escapes quotes, comments and titles alike', () => {
    expect(highlightsMarkdown([{ title: '<b>T</b>', annotations: [highlight(1, 1, 'x*y', 'see\n[1]')] }])).toBe(
      '## \\<b\\>T\\</b\\>\n\n- "x\\*y" (p. 1) — see \\[1\\]\n',
    );
  });
});
