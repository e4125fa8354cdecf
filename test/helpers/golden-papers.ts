import { newPaper, type Paper } from '../../shared/model/library';

const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;

/**
 * Hand-made papers for the exporters' golden files (test/fixtures/export/): each one is an edge
 * case a bibliographic format gets wrong easily. Change them and regenerate the golden files
 * (see golden-files.test.ts).
 */
export function goldenPapers(): Paper[] {
  return [
    newPaper(
      {
        id: 'accents',
        type: 'article',
        title: 'Über naïve Café-Schätzungen: Ångström, Łódź and Dvořák — a “case” study',
        authors: [
          { family: 'Zola', given: 'Émile' },
          { family: 'Müller', given: 'Jörg' },
          { family: 'van der Waals', given: 'J. D.' },
          { family: 'King', given: 'Martin Luther, Jr.' },
        ],
        year: 2019,
        venue: 'Revue française de Psychologie',
        doi: '10.1000/xyz_123',
        keywords: ['Psychologie', 'Humans, Male'],
        abstract: 'Les idées reçues — et 16×16 patches — ne suffisent pas.',
      },
      day(1),
    ),
    newPaper(
      {
        id: 'specials',
        type: 'inproceedings',
        title: 'A {Braced} 100% Guide to C# & $x_i^2$ ~ Costs in BERT, GPT-3 and iOS',
        authors: [{ literal: 'World Health Organization' }, { literal: 'AT&T Labs' }, { family: 'Plato' }, { literal: 'et al.' }],
        year: 2021,
        venue: 'Proceedings of the 3<sup>rd</sup> Workshop on Tools & Methods',
        abstract: 'Costs fell by 50% & more -- or so "they" say; see path\\to\\file and a_b.\n\nSecond paragraph.',
        url: 'https://example.org/paper?id=1&x=%20y#top',
        keywords: ['costs', 'tools & methods'],
        citationKey: 'who2021braced',
      },
      day(2),
    ),
    newPaper({ id: 'no-year', type: 'book', title: 'Undated Notes on Everything', authors: [{ family: 'Anonymous' }], keywords: [] }, day(3)),
    newPaper(
      {
        id: 'preprint',
        type: 'preprint',
        title: 'Attention Is All You Need',
        authors: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: 'Shazeer', given: 'Noam' },
        ],
        year: 2017,
        arxivId: '1706.03762',
        abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
      },
      day(4),
    ),
    newPaper(
      {
        id: 'bibtex-extras',
        type: 'thesis',
        title: 'Learning to Rank with Sparse Labels',
        authors: [{ family: 'Smith', given: 'Ann' }],
        year: 2020,
        extra: {
          entrytype: 'mastersthesis',
          school: 'Université de Montréal',
          address: 'Montréal, Canada',
          editor: 'Doe, Jane and {ACME Inc.}',
          timestamp: '2020-05-01',
          file: ':/home/ann/thesis.pdf:PDF',
          note: 'Unpublished {draft}',
        },
      },
      day(5),
    ),
    newPaper(
      {
        id: 'ris-extras',
        type: 'article',
        title: 'Learning to Rank in Clinical Search',
        authors: [{ family: 'Smith', given: 'Bob' }],
        year: 2020,
        venue: 'Journal of Search',
        extra: {
          volume: '12',
          issue: '3',
          pages: '97-105',
          PB: 'Search Press',
          CY: 'London',
          DA: '2020/03/05',
          DB: 'Scopus',
          issn: '1234-5678',
          note: 'First line of a note\nSecond line',
        },
      },
      day(6),
    ),
    newPaper(
      {
        id: 'csl-extras',
        type: 'chapter',
        title: 'Learning to Rank: A Survey',
        authors: [{ family: 'Smith', given: 'Cy' }],
        year: 2020,
        venue: 'Handbook of Retrieval',
        citationKey: 'smith2020learning',
        extra: {
          'container-title-short': 'Handb. Retr.',
          'publisher-place': 'Berlin',
          publisher: 'Springer',
          page: '1-20',
          PMID: '12345678',
          issued: '{"date-parts":[[2020,6]]}',
          editor: '[{"family":"Roe","given":"Rita"},{"literal":"IEEE"}]',
          accessed: '{"date-parts":[[2024,1,15]]}',
          source: 'DOI.org (Crossref)',
        },
      },
      day(7),
    ),
    newPaper(
      {
        id: 'unsafe-key',
        type: 'report',
        title: 'Technical Report on Keys',
        authors: [{ family: 'Müller', given: 'Anna' }],
        year: 2019,
        venue: 'Institute of Keys',
        citationKey: 'Müller:2019 draft',
      },
      day(8),
    ),
    newPaper({ id: 'dataset', type: 'dataset', title: 'A Dataset of Things', authors: [{ family: 'Lee', given: 'Kim' }], year: 2022, url: 'https://data.example.org/things' }, day(9)),
    newPaper({ id: 'software', type: 'software', title: 'sift: a tool', authors: [{ family: 'Lee', given: 'Kim' }], year: 2022 }, day(10)),
    newPaper({ id: 'webpage', type: 'webpage', title: 'A Web Page', authors: [], year: 2023, url: 'https://example.org/page' }, day(11)),
    newPaper({ id: 'misc', type: 'misc', title: 'Something Else', authors: [{ family: 'Lee', given: 'Kim' }], year: 2022 }, day(12)),
  ];
}
