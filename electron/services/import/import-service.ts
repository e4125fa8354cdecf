import { createHash } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportCommitResult, ImportDecision, ImportPreview, ImportPreviewItem, ImportSourceFile } from '../../../shared/api/contract';
import { detectTextFormat, looksLikePdf, type TextImportFormat } from '../../../shared/import/detect-format';
import { displayFileName } from '../../../shared/import/display-file-name';
import { DuplicateFinder } from '../../../shared/import/find-duplicates';
import type { ImportResult, ImportWarning, PaperDraft } from '../../../shared/import/import-record';
import { newPaper, type Attachment, type Paper } from '../../../shared/model/library';
import { ApiFailure } from '../api-failure';
import type { LibraryStore } from '../library-store';
import { writeFileDurably } from '../storage/fs-durable';

/** What a PDF contributes to an import: its metadata as a paper, and the file and text to keep. */
export interface PdfImport {
  record?: { paper: PaperDraft; warnings: ImportWarning[] };
  warnings: ImportWarning[];
  /** Set when the PDF could not be read at all (password, damaged, stopped): the file is reported, not imported. */
  error?: string;
  pages?: number;
  fulltext?: string;
  /** "no text layer" and the like: kept on the paper in `extra`. */
  notes?: string[];
}

export interface ImportParsers {
  parseText(format: TextImportFormat, text: string, fileName: string, signal: AbortSignal): Promise<ImportResult>;
  extractPdf(bytes: Uint8Array, fileName: string, signal: AbortSignal): Promise<PdfImport>;
}

export interface ImportServiceDeps {
  store: () => LibraryStore;
  parsers: ImportParsers;
  now: () => Date;
  newId: () => string;
  onProgress: (progress: { importId: string; done: number; total: number; current?: string }) => void;
  onChanged: (reason: string, paperIds?: string[]) => void;
}

export interface ImportInput {
  files: Array<{ name: string; bytes: Uint8Array }>;
  text?: string;
  format?: TextImportFormat | 'auto';
}

interface PendingItem {
  item: ImportPreviewItem;
  pdf?: { sha256: string; bytes: Uint8Array; pages?: number; fulltext?: string };
}

interface Session {
  controller: AbortController;
  items: PendingItem[];
  done: boolean;
}

const MAX_SESSIONS = 8;

/**
 * Import in two steps: `preview` parses everything (off the main thread, through `parsers`),
 * checks each record against the library and the rest of the batch for duplicates, and keeps the
 * result in memory; `commit` applies the user's choices in one library transaction. Nothing is
 * written before the commit, so cancelling at any moment leaves the library exactly as it was.
 */
export class ImportService {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: ImportServiceDeps) {}

  cancel(importId: string): boolean {
    const session = this.sessions.get(importId);
    if (!session) return false;
    session.controller.abort();
    this.sessions.delete(importId);
    return true;
  }

  async preview(importId: string, input: ImportInput): Promise<ImportPreview> {
    if (this.sessions.has(importId)) throw new ApiFailure('invalid-input', `Import "${importId}" is already under way`);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.cancel(oldest);
    }
    const session: Session = { controller: new AbortController(), items: [], done: false };
    this.sessions.set(importId, session);
    const { signal } = session.controller;
    const sources: Array<{ name: string; bytes?: Uint8Array; text?: string }> = [
      ...input.files.map((file) => ({ name: displayFileName(file.name), bytes: file.bytes })),
      ...(input.text !== undefined && input.text.trim() !== '' ? [{ name: 'Pasted text', text: input.text }] : []),
    ];
    if (sources.length === 0) throw new ApiFailure('invalid-input', 'Nothing to import: add files or paste some text');

    const store = this.deps.store();
    const library = new DuplicateFinder(store.data.papers);
    const batch = new DuplicateFinder();
    const files: ImportSourceFile[] = [];
    const total = sources.length;
    for (const [index, source] of sources.entries()) {
      if (signal.aborted) break;
      this.deps.onProgress({ importId, done: index, total, current: source.name });
      const file = await this.previewSource(source, input.format ?? 'auto', signal).catch((error: unknown): ReadSource => {
        if (signal.aborted) return { file: { name: source.name, format: 'unknown', records: 0, warnings: [], error: 'Cancelled' }, records: [] };
        return { file: { name: source.name, format: 'unknown', records: 0, warnings: [], error: (error as Error).message }, records: [] };
      });
      files.push(file.file);
      for (const record of file.records) {
        const itemIndex = session.items.length;
        const duplicate = library.find(record.paper) ?? batch.find(record.paper);
        const existing = duplicate && !duplicate.id.startsWith('batch:') ? store.getPaper(duplicate.id) : undefined;
        const item: ImportPreviewItem = {
          index: itemIndex,
          paper: record.paper,
          file: source.name,
          ...(record.line !== undefined ? { line: record.line } : {}),
          warnings: record.warnings,
          ...(duplicate
            ? {
                duplicate: {
                  ...duplicate,
                  inBatch: duplicate.id.startsWith('batch:'),
                  title: existing?.title ?? session.items[Number(duplicate.id.slice('batch:'.length))]?.item.paper.title ?? '',
                },
              }
            : {}),
          // An exact duplicate is skipped by default, a PDF of a known paper becomes its attachment,
          // and a fuzzy match is imported unless the user says it is the same paper.
          action: !duplicate || duplicate.reason === 'fuzzy-title' ? 'import' : record.pdf ? 'merge' : 'skip',
        };
        batch.add({ ...record.paper, id: `batch:${itemIndex}` });
        session.items.push(record.pdf ? { item, pdf: record.pdf } : { item });
      }
    }
    if (signal.aborted) {
      this.sessions.delete(importId);
      throw new ApiFailure('unavailable', 'The import was cancelled; nothing was changed');
    }
    this.deps.onProgress({ importId, done: total, total });
    session.done = true;
    const items = session.items.map((pending) => pending.item);
    return {
      importId,
      items,
      files,
      counts: {
        items: items.length,
        duplicates: items.filter((item) => item.duplicate).length,
        warnings: items.reduce((sum, item) => sum + item.warnings.length, 0) + files.reduce((sum, file) => sum + file.warnings.length, 0),
      },
    };
  }

  private async previewSource(source: { name: string; bytes?: Uint8Array; text?: string }, format: TextImportFormat | 'auto', signal: AbortSignal): Promise<ReadSource> {
    if (source.bytes && looksLikePdf(source.bytes)) {
      const pdf = await this.deps.parsers.extractPdf(source.bytes, source.name, signal);
      if (pdf.error || !pdf.record) {
        return { file: { name: source.name, format: 'pdf', records: 0, warnings: pdf.warnings, error: pdf.error ?? 'No paper found in this PDF' }, records: [] };
      }
      const sha256 = createHash('sha256').update(source.bytes).digest('hex');
      const paper = { ...pdf.record.paper, extra: { ...pdf.record.paper.extra, ...(pdf.notes?.length ? { importNote: pdf.notes.join('; ') } : {}) } };
      return {
        file: { name: source.name, format: 'pdf', records: 1, warnings: pdf.warnings },
        records: [
          {
            paper,
            warnings: pdf.record.warnings,
            pdf: { sha256, bytes: source.bytes, ...(pdf.pages !== undefined ? { pages: pdf.pages } : {}), ...(pdf.fulltext !== undefined ? { fulltext: pdf.fulltext } : {}) },
          },
        ],
      };
    }
    const text = source.text ?? new TextDecoder('utf-8').decode(source.bytes ?? new Uint8Array());
    const detected = format === 'auto' ? detectTextFormat(text, source.name) : format;
    const result = await this.deps.parsers.parseText(detected, text, source.name, signal);
    return {
      file: { name: source.name, format: result.format, records: result.records.length, warnings: result.warnings },
      records: result.records,
    };
  }

  async commit(importId: string, decisions: readonly ImportDecision[], tags: readonly string[]): Promise<ImportCommitResult> {
    const session = this.sessions.get(importId);
    if (!session?.done) throw new ApiFailure('not-found', `No finished import preview "${importId}" (it may have been cancelled or already committed)`);
    const actions = new Map(decisions.map((decision) => [decision.index, decision.action]));
    for (const index of actions.keys()) {
      if (!session.items[index]) throw new ApiFailure('invalid-input', `No item ${index} in this import`);
    }
    const chosen = session.items.map((pending) => ({ ...pending, action: actions.get(pending.item.index) ?? pending.item.action }));
    const store = this.deps.store();

    // Attachment files first: an interrupted import may leave an unused file behind, never a paper
    // whose attachment is missing.
    const attachments = new Map<string, Attachment>();
    for (const pending of chosen) {
      if (!pending.pdf || pending.action === 'skip') continue;
      attachments.set(pending.pdf.sha256, await this.storeAttachment(store.folder, pending.pdf));
    }

    const now = this.deps.now().toISOString();
    const result = await store.transact((tx) => {
      const added = new Map<string, Paper>();
      const addedByItem = new Map<number, string>();
      const merged = new Set<string>();
      let skipped = 0;
      for (const pending of chosen) {
        const attachment = pending.pdf ? attachments.get(pending.pdf.sha256) : undefined;
        const duplicate = pending.item.duplicate;
        if (pending.action === 'skip') {
          skipped += 1;
          continue;
        }
        if (pending.action === 'merge') {
          const target = duplicate?.inBatch ? addedByItem.get(Number(duplicate.id.slice('batch:'.length))) : duplicate?.id;
          const paper = target === undefined ? undefined : (added.get(target) ?? (tx.has(target) ? tx.paper(target) : undefined));
          if (!paper || target === undefined) {
            // Nothing left to merge into (the earlier item was skipped, or the paper was deleted meanwhile).
            skipped += 1;
            continue;
          }
          mergeInto(paper, pending.item.paper, tags, attachment, now);
          if (!added.has(target)) merged.add(target);
          continue;
        }
        const id = this.deps.newId();
        added.set(
          id,
          newPaper(
            {
              id,
              ...pending.item.paper,
              tags: [...new Set(tags)],
              attachments: attachment ? [attachment] : [],
              source: { format: pending.pdf ? 'pdf' : 'import', fileName: pending.item.file, importedAt: now },
            },
            now,
          ),
        );
        addedByItem.set(pending.item.index, id);
      }
      tx.addPapers([...added.values()]);
      return { added: [...added.keys()], merged: [...merged], skipped };
    });
    this.sessions.delete(importId);
    const changed = [...result.added, ...result.merged];
    if (changed.length > 0) this.deps.onChanged('imported', changed.length <= 2000 ? changed : undefined);
    return { added: result.added.length, merged: result.merged.length, skipped: result.skipped, paperIds: changed };
  }

  private async storeAttachment(libraryFolder: string, pdf: NonNullable<PendingItem['pdf']>): Promise<Attachment> {
    const file = `${pdf.sha256}.pdf`;
    const target = path.join(libraryFolder, 'attachments', file);
    await mkdir(path.dirname(target), { recursive: true });
    // Named by content: the same PDF imported twice is one file.
    if (!(await stat(target).catch(() => undefined))) await writeFileDurably(target, pdf.bytes);
    if (pdf.fulltext !== undefined) {
      const textFile = path.join(libraryFolder, 'fulltext', `${pdf.sha256}.txt`);
      await mkdir(path.dirname(textFile), { recursive: true });
      await writeFileDurably(textFile, pdf.fulltext);
    }
    return { id: pdf.sha256, file, sha256: pdf.sha256, bytes: pdf.bytes.length, ...(pdf.pages !== undefined ? { pages: pdf.pages } : {}) };
  }
}

interface ReadSource {
  file: ImportSourceFile;
  records: Array<{ paper: PaperDraft; line?: number; warnings: ImportWarning[]; pdf?: NonNullable<PendingItem['pdf']> }>;
}

/** Fills what the library's paper lacks from the imported one; the user's title, tags and notes stay. */
function mergeInto(paper: Paper, incoming: PaperDraft, tags: readonly string[], attachment: Attachment | undefined, now: string): void {
  for (const key of ['year', 'venue', 'abstract', 'doi', 'arxivId', 'url', 'citationKey'] as const) {
    if (paper[key] === undefined && incoming[key] !== undefined) Object.assign(paper, { [key]: incoming[key] });
  }
  if (paper.authors.length === 0) paper.authors = incoming.authors;
  if (paper.type === 'misc') paper.type = incoming.type;
  paper.keywords = [...new Set([...paper.keywords, ...incoming.keywords])];
  paper.extra = { ...incoming.extra, ...paper.extra };
  paper.tags = [...new Set([...paper.tags, ...tags])];
  if (attachment && !paper.attachments.some((known) => known.sha256 === attachment.sha256)) paper.attachments = [...paper.attachments, attachment];
  paper.updatedAt = now;
}
