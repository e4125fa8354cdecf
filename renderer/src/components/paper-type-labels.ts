import type { PaperType } from '../../../shared/model/library';

export const paperTypeLabels: Record<PaperType, string> = {
  article: 'Journal article',
  inproceedings: 'Conference paper',
  preprint: 'Preprint',
  book: 'Book',
  chapter: 'Book chapter',
  thesis: 'Thesis',
  report: 'Report',
  dataset: 'Dataset',
  software: 'Software',
  webpage: 'Web page',
  misc: 'Document',
};
