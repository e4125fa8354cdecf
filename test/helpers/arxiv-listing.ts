/**
 * An arXiv "new submissions" page as a user copies it from the browser (made up in the listing's
 * real layout: no such page is stored as a fixture), shared by the parser's and the import's tests.
 */
export const arxivListingPage = [
  'Computation and Language',
  'New submissions for Thu, 14 Mar 24',
  '',
  '[1] arXiv:2403.08763v2 [pdf, html, other]',
  'Title: Sprocket Tuning for Large Widgets',
  'Authors: Ada Lovelace, Alan Turing, Grace Hopper',
  'Comments: 9 pages',
  'Subjects: Computation and Language (cs.CL)',
  'Sprocket tuning is widely used. We show that it fails on large widgets, and propose a fix that works. Results improve.',
  '',
  '[2] arXiv:2403.08764 [pdf, other]',
  'Title: A Second Listed Paper',
  'Authors: Edsger Dijkstra',
  'Subjects: Machine Learning (cs.LG)',
  '',
  'Total of 2 entries',
].join('\n');
