import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { keepSafeUrls, MarkdownPreview } from '../../../../renderer/src/components/MarkdownPreview';
import { PaperLinkContext, type PaperLinks } from '../../../../renderer/src/components/paper-link-context';

const links: PaperLinks = { titleOf: (id) => (id === 'p1' ? 'Attention Is All You Need' : undefined), open: () => undefined };

function render(text: string, withLinks = true): string {
  const preview = createElement(MarkdownPreview, { text });
  return renderToStaticMarkup(withLinks ? createElement(PaperLinkContext.Provider, { value: links }, preview) : preview);
}

/** Elements a note may render to; nothing here runs script or loads anything. */
const ALLOWED_ELEMENTS = new Set(['p', 'a', 'span', 'button', 'strong', 'em', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'input']);

/** The real elements and attributes in rendered HTML (escaped text such as `&lt;script&gt;` is text, not an element). */
function elements(html: string): Array<{ name: string; attributes: Array<[string, string]> }> {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    name: (match[1] ?? '').toLowerCase(),
    attributes: [...(match[2] ?? '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((attribute) => [(attribute[1] ?? '').toLowerCase(), attribute[2] ?? ''] as [string, string]),
  }));
}

/** Fails with what is wrong when the HTML holds an element or attribute that could run script or navigate. */
function expectInert(html: string): void {
  for (const { name, attributes } of elements(html)) {
    expect(ALLOWED_ELEMENTS, `<${name}> in ${html}`).toContain(name);
    for (const [attribute, value] of attributes) {
      expect(attribute, `${attribute} on <${name}> in ${html}`).not.toMatch(/^on|^src$|^srcdoc$|^style$|^formaction$/);
      if (attribute === 'href') expect(value, `href in ${html}`).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe('note preview sanitizing', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a script inside inline HTML', 'Hello <b onmouseover="alert(1)">there</b><script src="https://evil.example/x.js"></script>'],
    ['an image with an error handler', '<img src=x onerror="alert(1)">'],
    ['an iframe', '<iframe src="javascript:alert(1)"></iframe>'],
    ['an svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
    ['a javascript: link', '[click me](javascript:alert(1))'],
    ['a JavaScript: link with odd case and spaces', '[click](  JaVaScRiPt:alert(document.cookie) )'],
    ['an entity-encoded javascript: link', '[click](&#106;avascript:alert(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a file: link', '[x](file:///etc/passwd)'],
    ['a javascript: image', '![x](javascript:alert(1))'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['a reference-style javascript: link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['raw HTML in a table cell', '| a |\n|---|\n| <img src=x onerror=alert(1)> |'],
  ])('%s stays inert', (_name, text) => {
    expectInert(render(text));
  });

  it.each([
    '<script>alert(1)</script>',
    '<p><img src="x" onerror="alert(1)"></p>',
    '<a href="javascript:alert(1)">x</a>',
    '<b onmouseover="alert(1)">x</b>',
  ])('the inertness check itself catches %j', (html) => {
    expect(() => expectInert(html)).toThrow();
  });

  it('shows raw HTML as text rather than dropping it, so the user sees what they wrote', () => {
    const html = render('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps an unsafe link as plain text', () => {
    expect(render('[click me](javascript:alert(1))')).toBe('<p><span class="unsafe-link">click me</span></p>');
  });

  it('opens safe links outside the app, never in the window', () => {
    expect(render('[paper](https://arxiv.org/abs/1706.03762)')).toBe(
      '<p><a href="https://arxiv.org/abs/1706.03762" target="_blank" rel="noreferrer noopener" title="https://arxiv.org/abs/1706.03762">paper</a></p>',
    );
  });

  it('draws a link to a paper without an href: it opens the paper in the app and cannot navigate', () => {
    const html = render('See [Attention](sift:paper/p1).');
    expect(html).toBe(
      '<p>See <a role="link" tabindex="0" class="paper-link" data-testid="paper-link" data-paper-id="p1" title="Open “Attention Is All You Need”">Attention</a>.</p>',
    );
  });

  it('shows a link to a paper not in the library as text', () => {
    expect(render('[Gone](sift:paper/nope)')).toContain('<span class="paper-link missing"');
    expect(render('[Gone](sift:paper/p1)', false)).toContain('<span class="paper-link missing"');
  });

  it('renders a remote image as a link to it: Sift stays offline', () => {
    expect(render('![chart](https://example.org/c.png)')).toContain('<a href="https://example.org/c.png" target="_blank" rel="noreferrer noopener" class="image-placeholder">Image: chart</a>');
  });

  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['sift:paper/abc-123', 'sift:paper/abc-123'],
    ['javascript:alert(1)', ''],
    [' javascript:alert(1)', ''],
    ['data:text/html,<script>alert(1)</script>', ''],
    ['sift:paper/../../etc', ''],
    ['sift:settings', ''],
    ['file:///etc/passwd', ''],
    ['relative/path', ''],
    ['//evil.example/x', ''],
  ])('the URL filter turns %j into %j', (url, expected) => {
    expect(keepSafeUrls(url)).toBe(expected);
  });
});
