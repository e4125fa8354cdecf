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
  if (request.type === 'papers') ranked.setPapers(request.papers);
  else scope.postMessage({ id: request.id, ids: ranked.search(request.query) });
};
