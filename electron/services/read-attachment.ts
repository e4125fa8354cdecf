import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_READ_BYTES } from '../../shared/api/contract';
import type { Attachment } from '../../shared/model/library';
import { ApiFailure } from './api-failure';
import type { LibraryStore } from './library-store';

/** import-service.ts stores every PDF as `attachments/<sha256>.pdf`. */
const STORED_NAME = /^[0-9a-f]{64}\.pdf$/;

/**
 * Where an attachment's file is: always inside `<library>/attachments/`, named by the attachment's
 * content hash. Nothing from the caller or from library.json's `file` field becomes part of the path
 * unless it is exactly such a name, so a hand-edited `"file": "../../secret"` cannot point outside.
 */
export function attachmentPath(libraryFolder: string, attachment: Pick<Attachment, 'file' | 'sha256'>): string {
  const name = STORED_NAME.test(attachment.file) ? attachment.file : `${attachment.sha256}.pdf`;
  if (!STORED_NAME.test(name)) throw new ApiFailure('not-found', 'This attachment has no valid file name in the library');
  const folder = path.resolve(libraryFolder, 'attachments');
  const file = path.resolve(folder, name);
  if (path.dirname(file) !== folder) throw new ApiFailure('forbidden', 'An attachment must be inside the library\'s attachments folder');
  return file;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a paper's PDF for the reader, found by paper and attachment id. The file must be a regular
 * file (not a link to somewhere else) and still hold the content the library recorded (its SHA-256),
 * so the renderer only ever gets the bytes that were imported.
 */
export async function readAttachment(store: LibraryStore, paperId: string, attachmentId: string): Promise<{ data: string; bytes: number; sha256: string }> {
  const paper = store.getPaper(paperId);
  if (!paper) throw new ApiFailure('not-found', `No paper with id "${paperId}" in this library`);
  const attachment = paper.attachments.find((candidate) => candidate.id === attachmentId);
  if (!attachment) throw new ApiFailure('not-found', `No attachment "${attachmentId}" on this paper`);
  const file = attachmentPath(store.folder, attachment);
  const relative = path.join('attachments', path.basename(file));
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ApiFailure('not-found', `The PDF is missing from the library folder (${relative}); import it again to restore it`);
    throw error;
  });
  if (!info.isFile()) throw new ApiFailure('forbidden', `${relative} is not a regular file, so Sift does not open it`);
  if (info.size > MAX_ATTACHMENT_READ_BYTES) {
    throw new ApiFailure('unavailable', `This PDF is ${megabytes(info.size)}; the reader opens PDFs of up to ${megabytes(MAX_ATTACHMENT_READ_BYTES)}`);
  }
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== attachment.sha256) {
    throw new ApiFailure('unavailable', `${relative} has changed since it was imported (its content no longer matches), so Sift does not open it`);
  }
  return { data: bytes.toString('base64'), bytes: bytes.length, sha256 };
}
