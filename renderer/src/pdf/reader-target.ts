/** What the PDF reader shows: a paper's attachment, and where to go in it. */
export interface ReaderTarget {
  paperId: string;
  attachmentId: string;
  /** A page to scroll to (1-based). */
  page?: number;
  /** A highlight to scroll to and mark. */
  annotationId?: string;
  /** Counts requests, so that asking for the same place again scrolls there again. */
  request: number;
}
