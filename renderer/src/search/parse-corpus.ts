import type { CorpusText, SearchablePaper } from './search-protocol';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Parses a corpus off the UI thread (in the search worker). The browser-mode envelope is
 * `{ ok: true, value: { json } }`; the client only sends bytes that start as a success.
 */
export function parseCorpus(corpus: CorpusText): SearchablePaper[] {
  let json: string;
  if (corpus.kind === 'json') {
    json = corpus.json;
  } else {
    const envelope: unknown = JSON.parse(new TextDecoder().decode(corpus.bytes));
    const value = isObject(envelope) ? envelope.value : undefined;
    if (!isObject(value) || typeof value.json !== 'string') throw new Error('The search corpus has an unexpected shape');
    json = value.json;
  }
  const papers: unknown = JSON.parse(json);
  if (!Array.isArray(papers)) throw new Error('The search corpus is not a list of papers');
  // The main side built it from validated papers with `searchable`; only the shape is checked here.
  return papers.filter((paper): paper is SearchablePaper => isObject(paper) && typeof paper.id === 'string');
}
