import type { SearchablePaper } from '../../../shared/search/searchable-paper';

export type { SearchablePaper };

/**
 * The searchable text of some papers as it came from `papers.searchCorpus`, not yet parsed: the
 * whole browser-mode response body, or (Electron) the JSON text itself.
 */
export type CorpusText = { kind: 'envelope-bytes'; bytes: ArrayBuffer } | { kind: 'json'; json: string };

export type SearchRequest =
  /** Every paper of the library; what the index held before is dropped. */
  | { type: 'replace'; corpus: CorpusText }
  /** Fresh text of the papers `ids`; an id missing from the corpus was removed from the library. */
  | { type: 'upsert'; ids: string[]; corpus: CorpusText }
  | { type: 'search'; id: number; query: string };

export type SearchResponse =
  | {
      type: 'result';
      id: number;
      /** Paper ids, best match first. */
      ids: string[];
    }
  | { type: 'error'; message: string };
