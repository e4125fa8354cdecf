import { describe, expect, it } from 'vitest';
import type { PdfContents } from '../../../../../electron/services/pdf/extract-pdf';
import { toPdfImport } from '../../../../../electron/services/pdf/to-pdf-import';

const contents: PdfContents = {
  pageCount: 2,
  encrypted: false,
  repaired: false,
  metadata: {},
  info: {},
  xmp: {},
  firstPage: { width: 612, height: 792, items: [] },
  pages: ['Page one', 'Page two'],
  paper: { type: 'misc', title: 'A Title', authors: [], keywords: [], extra: {} },
  titleSource: 'page',
  warnings: [{ message: 'a warning' }],
};

describe('toPdfImport', () => {
  it('passes a paper with its full text and page count', () => {
    expect(toPdfImport({ outcome: 'ok', ...contents }, 'paper.pdf')).toEqual({
      record: { paper: contents.paper, warnings: [] },
      warnings: [{ message: 'a warning' }],
      pages: 2,
      fulltext: 'Page one\fPage two',
    });
  });

  it('notes a scan as having no text layer and names it after its file when it has no title', () => {
    const scan = { outcome: 'scanned' as const, ...contents, pages: [''], paper: { ...contents.paper, title: '' } };
    expect(toPdfImport(scan, 'Huckleberry Finn p22.PDF')).toEqual({
      record: { paper: { ...contents.paper, title: 'Huckleberry Finn p22' }, warnings: [] },
      warnings: [{ message: 'a warning' }, { message: 'No title found; the file name “Huckleberry Finn p22” stands in for it' }],
      pages: 2,
      notes: ['no text layer'],
    });
  });

  it.each([
    [{ outcome: 'password-required', reason: 'no-password', message: '' } as const, 'Needs a password to open'],
    [{ outcome: 'password-required', reason: 'incorrect-password', message: '' } as const, 'The password is not correct'],
    [{ outcome: 'corrupt', message: 'The PDF is damaged beyond repair', detail: 'Invalid PDF structure.' } as const, 'The PDF is damaged beyond repair (Invalid PDF structure.)'],
    [{ outcome: 'stopped', reason: 'timeout' } as const, 'Stopped: reading it took too long'],
    [{ outcome: 'stopped', reason: 'memory' } as const, 'Stopped: reading it needed too much memory'],
  ])('reports %j as an error', (result, error) => {
    expect(toPdfImport(result, 'locked.pdf')).toEqual({ warnings: [], error });
  });
});
