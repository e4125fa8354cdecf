import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine } from '../../../../shared/export/escape-markdown-line';

describe('escapeMarkdownLine', () => {
  it.each([
    ['plain text', 'plain text'],
    ['# not a heading', '\\# not a heading'],
    ['#tag and C# and a #hashtag', '\\#tag and C# and a \\#hashtag'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['> not a quote', '\\> not a quote'],
    ['| not | a table', '\\| not | a table'],
    ['=== not a heading rule', '\\=\\== not a heading rule'],
    ['costs $5 and $10', 'costs \\$5 and \\$10'],
    ['50% of %%hidden%%', '50% of \\%\\%hidden\\%\\%'],
    ['==marked== and ~~struck~~', '\\=\\=marked\\=\\= and \\~\\~struck\\~\\~'],
    ['ends with a block id ^abc-1', 'ends with a block id \\^abc-1'],
    ['x^2 stays', 'x^2 stays'],
    ['[[wiki link]] and *stars* and <b>tags</b>', '\\[\\[wiki link\\]\\] and \\*stars\\* and \\<b\\>tags\\</b\\>'],
    ['line\nbreaks\tand  spaces', 'line breaks and spaces'],
  ])('%j → %j', (text, expected) => {
    expect(escapeMarkdownLine(text)).toBe(expected);
  });

  it.each(['# h', '- l', '1. o', '> q', '*e* _f_ `c` [l](u) <i>x</i>', '---', '==='])('%j renders as one plain paragraph with the same text', (text) => {
    const tokens = marked.lexer(escapeMarkdownLine(text));
    expect(tokens.map((token) => token.type)).toEqual(['paragraph']);
    const inline = (tokens[0] as { tokens?: Array<{ type: string }> }).tokens ?? [];
    expect(inline.every((token) => token.type === 'text' || token.type === 'escape')).toBe(true);
  });
});
