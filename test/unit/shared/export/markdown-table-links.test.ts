import { type Tokens } from 'marked';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { reviewTableMarkdown, titleLinkTarget } from '../../../../shared/export/markdown-table';
import { newPaper, type Paper } from '../../../../shared/model/library';
import { samplePapers } from '../../../helpers/sample-papers';
import { parseTable } from '../../../helpers/gfm-table';

const now = '2026-01-01T00:00:00.000Z';

function paper(id: string, fields: Partial<Paper>): Paper {
  return newPaper({ id, title: `Paper ${id}`, authors: [], ...fields }, now);
}

/** The first table's cells, parsed back by a real GFM parser. */
function titleLink(markdown: string): Tokens.Link | undefined {
  const cell = parseTable(markdown).rows[0]?.[0];
  return cell?.tokens.find((token): token is Tokens.Link => token.type === 'link');
}

describe('review table: titles linked', () => {
  it.each([
    ['a DOI first', { doi: '10.1000/x(1)', arxivId: '1706.03762', url: 'https://example.org' }, 'https://doi.org/10.1000/x%281%29'],
    ['a DOI written as a URL', { doi: 'https://doi.org/10.1/ab' }, 'https://doi.org/10.1/ab'],
    ['arXiv when there is no DOI', { arxivId: 'arXiv:1706.03762v2', url: 'https://example.org' }, 'https://arxiv.org/abs/1706.03762v2'],
    ['an old-style arXiv id', { arxivId: 'hep-th/9901001' }, 'https://arxiv.org/abs/hep-th/9901001'],
    ['an http(s) URL last', { url: 'https://example.org/ä|c(d)?q=1&r=2' }, 'https://example.org/%C3%A4%7Cc%28d%29?q=1&r=2'],
  ])('links %s', (_name, fields, href) => {
    const markdown = reviewTableMarkdown([paper('p', fields)], ['title', 'year'], { linkTitles: true });
    expect(titleLink(markdown)?.href).toBe(href);
    expect(titleLink(markdown)?.text).toBe('Paper p');
    expect(parseTable(markdown).rows[0]).toHaveLength(2);
  });

  it.each([
    ['javascript:', { url: 'javascript:alert(1)' }],
    ['data:', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['file:', { url: 'file:///etc/passwd' }],
    ['a scheme-relative URL', { url: '//evil.example' }],
    ['a URL with a space in its host part', { url: 'https:// evil' }],
    ['nothing', {}],
  ])('never links %s', (_name, fields) => {
    const markdown = reviewTableMarkdown([paper('p', fields)], ['title'], { linkTitles: true });
    expect(titleLink(markdown)).toBeUndefined();
    expect(markdown).toBe(reviewTableMarkdown([paper('p', fields)], ['title']));
  });

  it('keeps brackets and pipes of a title inside the link text', () => {
    const markdown = reviewTableMarkdown([paper('p', { title: 'A [draft] | B', doi: '10.1/x' })], ['title', 'year'], { linkTitles: true });
    expect(titleLink(markdown)?.text).toBe('A [draft] | B');
    expect(parseTable(markdown).rows[0]).toHaveLength(2);
  });

  it('targets only http(s) on every sample paper', () => {
    for (const sample of samplePapers()) {
      const target = titleLinkTarget(sample);
      if (target) expect(target).toMatch(/^https?:\/\//);
    }
  });

  it('writes exactly the old table when the options are off', () => {
    const papers = samplePapers().slice(0, 8);
    expect(reviewTableMarkdown(papers, undefined, {})).toBe(reviewTableMarkdown(papers));
    expect(reviewTableMarkdown(papers, undefined, { footnotes: true })).toBe(reviewTableMarkdown(papers));
  });
});

describe('review table: evidence footnotes', () => {
  const papers = [paper('a', { year: 2020 }), paper('b', { year: 2021 })];
  const evidence = {
    a: { year: { quote: 'We ran it\nin *2020* | twice', page: 4 } },
    b: { title: { quote: 'The main [claim]' } },
  };

  it('marks the cells and lists the quotes with pages as GFM footnotes', () => {
    const markdown = reviewTableMarkdown(papers, ['title', 'year'], { footnotes: true, evidence });
    expect(markdown).toBe(
      '| Title | Year |\n| - | - |\n| Paper a | 2020[^1] |\n| Paper b[^2] | 2021 |\n\n' +
        '[^1]: “We ran it in \\*2020\\* | twice” (p. 4)\n[^2]: “The main \\[claim\\]”\n',
    );
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const definitions = tree.children.filter((node) => node.type === 'footnoteDefinition');
    expect(definitions.map((node) => node.identifier)).toEqual(['1', '2']);
    const text = (node: unknown): string =>
      typeof node === 'object' && node !== null && 'value' in node ? String(node.value) : 'children' in (node as object) ? (node as { children: unknown[] }).children.map(text).join('') : '';
    expect(definitions.map(text)).toEqual(['“We ran it in *2020* | twice” (p. 4)', '“The main [claim]”']);
    expect(parseTable(markdown).rows.map((row) => row.length)).toEqual([2, 2]);
  });

  it('leaves footnotes out unless asked', () => {
    expect(reviewTableMarkdown(papers, ['title', 'year'], { evidence })).toBe(reviewTableMarkdown(papers, ['title', 'year']));
  });
});
