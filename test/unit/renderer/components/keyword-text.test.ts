import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeywordText } from '../../../../renderer/src/components/KeywordText';

const keywords = { include: ['agent'], exclude: ['survey'] };
const render = (text: string) => renderToStaticMarkup(createElement(KeywordText, { text, keywords }));

describe('screening keywords in the view', () => {
  it('marks inclusion and exclusion keywords with their kind', () => {
    expect(render('A survey of agents.')).toBe(
      'A <mark class="keyword keyword-exclude" data-keyword="exclude">survey</mark> of <mark class="keyword keyword-include" data-keyword="include">agents</mark>.',
    );
  });

  it('keeps untrusted text as text, also inside a mark', () => {
    const html = render('<img src=x onerror=alert(1)> agent<script>alert(2)</script>');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; <mark class="keyword keyword-include" data-keyword="include">agent</mark>&lt;script&gt;');
  });
});
