import { parseCorpus } from './parse-corpus';
import { RankedSearch } from './ranked-search';
import type { SearchRequest, SearchResponse } from './search-protocol';

// The renderer's tsconfig has DOM types, not WebWorker ones; this is the little of the worker scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchResponse): void;
}
const scope = self as unknown as WorkerScope;
const ranked = new RankedSearch();

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.type === 'replace') ranked.replace(parseCorpus(request.corpus));
    else if (request.type === 'upsert') ranked.upsert(request.ids, parseCorpus(request.corpus));
    else scope.postMessage({ type: 'result', id: request.id, ids: ranked.search(request.query) });
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    // A search must still answer, or the list would wait for it forever.
    if (request.type === 'search') scope.postMessage({ type: 'result', id: request.id, ids: [] });
  }
};
