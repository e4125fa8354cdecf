/**
 * Property test: highlights exported as Markdown (highlights-markdown.ts) render, in a real GFM
 * parser (marked), as one `## title` heading and one list item per highlight, each the quote,
 * page and comment as plain text (white space runs one space), with no HTML element from the
 * text and no link. `FUZZ_RUNS` sets the number of runs, `FUZZ_SEED` the seed.
 */

import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { highlightsMarkdown } from '../../../../shared/export/highlights-markdown';
import type { Annotation } from '../../../../shared/model/library';
import { fuzzSettings, hostileTextFrom } from '../../../helpers/hostile-text';

const { runs: RUNS, seed: SEED, timeout: TIMEOUT } = fuzzSettings(1500);
const now = '2026-01-01T00:00:00.000Z';

const HOSTILE = [
  '\n', '\r\n', '\t', ' ', '\u00a0', '\u2028', '#', '## ', '- ', '* ', '1. ', '> ', '|', '---', '===', '`', '```', '*', '_', '~', '~~',
  '[', ']', '(', ')', '!', '[x](javascript:alert(1))', '![i](data:text/html,x)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '<', '>', '&', '&amp;', '&#60;', '\\', 'https://evil.example/a_b', 'www.evil.example', 'a@b.example', '"', '—', '$x$', '[^1]',
];

const hostileText = hostileTextFrom(HOSTILE);

const highlight: fc.Arbitrary<Annotation> = fc
  .record({ page: fc.integer({ min: 1, max: 999 }), y: fc.integer({ min: 0, max: 800 }), quote: hostileText, comment: fc.option(hostileText, { nil: undefined }) })
  .map(({ page, y, quote, comment }, index = 0) => ({
    id: `h${index}`,
    attachmentId: 'pdf',
    page,
    rects: [[72, y, 400, 12]],
    quote,
    color: 'yellow',
    createdAt: now,
    ...(comment === undefined ? {} : { comment }),
  }));

/** One line as the exporter promises it: white space runs one space, trimmed. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

function decodeHtml(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('highlights Markdown with hostile quotes and comments', () => {
  it('renders one heading and one plain-text list item per highlight, with no HTML from the text and no link', () => {
    fc.assert(
      fc.property(hostileText, fc.array(highlight, { minLength: 1, maxLength: 4 }), (title, annotations) => {
        const html = marked.parse(highlightsMarkdown([{ title, annotations }]), { gfm: true, async: false });
        for (const element of html.match(/<[^>]*>?/g) ?? []) expect(element, html).toMatch(/^<\/?(?:h2|ul|li)>$/);
        const heading = [...html.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((match) => decodeHtml(match[1] ?? ''));
        expect(heading).toEqual([line(title) || 'Untitled']);
        const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => decodeHtml(match[1] ?? ''));
        const expected = annotations.map(
          (item) => `"${line(item.quote)}" (p. ${item.page})${item.comment?.trim() ? ` — ${line(item.comment)}` : ''}`,
        );
        expect([...items].sort()).toEqual([...expected].sort());
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('highlights Markdown: the counterexamples the property found', () => {
  const one = (title: string, quote: string) => highlightsMarkdown([{ title, annotations: [{ id: 'h', attachmentId: 'pdf', page: 1, rects: [[72, 0, 400, 12]], quote, color: 'yellow', createdAt: now }] }]);

  it.each([
    ['a URL, which marked linked with the escapes in it', 'T', 'https://evil.example/a_b', '## T\n\n- "https\\://evil.example/a\\_b" (p. 1)\n', '"https://evil.example/a_b" (p. 1)'],
    ['an e-mail address and www. (mailto: and http: links)', 'T', 'a@b.example www.x.example', '## T\n\n- "a\\@b.example www\\.x.example" (p. 1)\n', '"a@b.example www.x.example" (p. 1)'],
    ['a single-tilde strikethrough', '~!~', 'q', '## \\~!\\~\n\n- "q" (p. 1)\n', '"q" (p. 1)'],
    ['a title that is a closing sequence', '##', 'q', '## \\##\n\n- "q" (p. 1)\n', '"q" (p. 1)'],
  ])('keeps %s as text', (_name, title, quote, markdown, item) => {
    expect(one(title, quote)).toBe(markdown);
    const html = marked.parse(markdown, { gfm: true, async: false });
    expect(html).toBe(`<h2>${title.replace(/"/g, '&quot;')}</h2>\n<ul>\n<li>${item.replace(/"/g, '&quot;')}</li>\n</ul>\n`);
  });
});
