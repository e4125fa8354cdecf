import { marked, type Tokens } from 'marked';

/** The one GFM table in `markdown`, as marked's lexer reads it (throws when there is none). */
export function parseTable(markdown: string): Tokens.Table {
  const table = marked.lexer(markdown, { gfm: true }).find((token): token is Tokens.Table => token.type === 'table');
  if (!table) throw new Error(`no GFM table in:\n${markdown}`);
  return table;
}
