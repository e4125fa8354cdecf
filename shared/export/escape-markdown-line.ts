import { escapeMarkdownInline } from './highlights-markdown';

/**
 * Text from a PDF or an import as one Markdown line that Obsidian and Zettlr show as written:
 * inline markup escaped (`escapeMarkdownInline`), a start that would make a heading, list, quote or
 * table escaped, and the editors' own syntax too: `#word` (a tag), `$math$`, `%%comment%%`,
 * `==highlight==`, `~~strike~~` and a closing `^block-id`.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownInline(text)
    .replace(/\$|%%|==|~~/g, (match) => match.replace(/./g, '\\$&'))
    .replace(/(^|\s)#(?=[^\s#])/g, '$1\\#')
    .replace(/\s\^[\w-]+$/, (end) => end.replace('^', '\\^'))
    .replace(/^(?:[#>+\-=|]|\d+[.)])/, (match) => match.replace(/[#>+\-=|.)]$/, '\\$&'));
}
