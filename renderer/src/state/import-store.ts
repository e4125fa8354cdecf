import type { ImportDecision, ImportPreview, MethodInput } from '../../../shared/api/contract';
import { ApiCallError, call, onEvent } from '../api/client';
import { decodeBase64, encodeBase64 } from '../util/base64';
import { MAX_IMPORT_FILES, type DroppedFiles, type PickedFile } from '../util/dropped-files';
import { errorMessage } from '../util/error-message';
import { formatBytes } from '../util/format-bytes';
import { randomId } from '../util/random-id';
import { plural } from './import-choices';
import { libraryStore } from './library-store';
import { toasts } from './toast-store';

export type ImportTab = 'files' | 'paste';
export type ImportFormat = NonNullable<MethodInput<'import.preview'>['format']>;

export type ImportPhase =
  /** Choosing files or pasting text; `error` says why the last attempt did not start. */
  | { kind: 'choose'; error?: string }
  /**
   * The preview is being made: `loading` while this page reads the files, `reading` while the main
   * side parses them (its import.progress events move `done`).
   */
  | { kind: 'reading'; importId: string; stage: 'loading' | 'reading'; done: number; total: number; current?: string; cancelling: boolean }
  | { kind: 'preview'; importId: string; preview: ImportPreview; committing: boolean; error?: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ImportState {
  open: boolean;
  /** Bumped by every request to open the dialog, so that it can focus what the request was for. */
  request: number;
  tab: ImportTab;
  files: readonly PickedFile[];
  /** Files in dropped folders that were left out as not importable. */
  skipped: number;
  phase: ImportPhase;
}

/** One attempt at a preview; a newer attempt, a cancel or a close leaves it behind. */
interface Run {
  importId: string;
  cancelled: boolean;
  /** import.preview has been called: the main side may hold a session to cancel. */
  sent: boolean;
  /** The import.preview call has answered (or failed): the main side holds nothing that is still being read. */
  settled: boolean;
}

/**
 * The browser mode server takes request bodies up to 256 MB, and base64 makes files a third larger;
 * Electron's IPC has no such limit, but one rule for both keeps the message the same.
 */
const MAX_TOTAL_BYTES = 180_000_000;

/** How often a cancel is repeated while the main side has not begun the preview it is for. */
const CANCEL_RETRY_MS = 250;

const closedState: ImportState = { open: false, request: 0, tab: 'files', files: [], skipped: 0, phase: { kind: 'choose' } };

/** A file picked twice (the same name, size and time) is read once. */
function fileKey(picked: PickedFile): string {
  return `${picked.name}\u0000${picked.file.size}\u0000${picked.file.lastModified}`;
}

/** Forgets a preview on the main side; it may already be gone (committed, cancelled, never started). */
async function cancelOnMainSide(importId: string): Promise<boolean> {
  try {
    return (await call('import.cancel', { importId })).cancelled;
  } catch {
    // Nothing is written before a commit, so a cancel that did not arrive leaves nothing to undo.
    return false;
  }
}

/**
 * Cancels a preview whose request may still be on its way (a large upload): the main side knows an
 * import only once it has the whole request, so the cancel is repeated until it lands or the
 * preview call answers (which then cancels what it made).
 */
async function stopWhenStarted(run: Run): Promise<void> {
  while (!run.settled) {
    if (await cancelOnMainSide(run.importId)) return;
    await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
  }
}

/**
 * The import dialog's session: the files chosen, the preview being made or shown, and the commit.
 * It lives outside React so that a preview started by a drop, a cancel and a close each happen
 * once, from the event that asked for them, whatever React does with effects.
 */
class ImportStore {
  private state: ImportState = closedState;
  private readonly listeners = new Set<() => void>();
  private run: Run | undefined;
  private listening = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ImportState => this.state;

  open(tab: ImportTab = 'files'): void {
    const { state } = this;
    if (state.open) {
      this.set({ ...state, request: state.request + 1, tab: state.phase.kind === 'choose' ? tab : state.tab });
      return;
    }
    this.set({ ...closedState, open: true, request: state.request + 1, tab });
  }

  /** Files dropped on the window: a closed dialog opens and previews them at once; an open one adds them to its list. */
  drop({ files, skipped }: DroppedFiles): void {
    if (files.length === 0) {
      toasts.info(skipped > 0 ? `Nothing to import: none of the ${plural(skipped, 'file')} dropped is a bibliography, a list or a PDF` : 'Nothing to import in what was dropped');
      return;
    }
    const { state } = this;
    if (!state.open) {
      this.set({ ...closedState, open: true, request: state.request + 1, files, skipped });
      void this.preview('', 'auto');
    } else if (state.phase.kind === 'choose' || state.phase.kind === 'cancelled' || state.phase.kind === 'failed') {
      this.set({ ...state, phase: { kind: 'choose' } });
      this.addFiles(files, skipped);
    } else {
      toasts.info('An import is open: finish or cancel it before adding files');
    }
  }

  addFiles(files: readonly PickedFile[], skipped = 0): void {
    const { state } = this;
    if (state.phase.kind !== 'choose') return;
    const known = new Set(state.files.map(fileKey));
    const added = files.filter((file) => {
      const key = fileKey(file);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    this.set({ ...state, tab: 'files', files: [...state.files, ...added], skipped: state.skipped + skipped, phase: { kind: 'choose' } });
  }

  removeFile(file: PickedFile): void {
    const { state } = this;
    this.set({ ...state, files: state.files.filter((known) => known !== file) });
  }

  clearFiles(): void {
    this.set({ ...this.state, files: [], skipped: 0 });
  }

  setTab(tab: ImportTab): void {
    this.set({ ...this.state, tab });
  }

  /** Reads the chosen files and the pasted text, and asks the main side for a preview. */
  async preview(text: string, format: ImportFormat): Promise<void> {
    const { state } = this;
    if (!state.open || state.phase.kind !== 'choose') return;
    const { files } = state;
    const hasText = text.trim() !== '';
    if (files.length === 0 && !hasText) {
      this.set({ ...state, phase: { kind: 'choose', error: 'Choose files or paste some text first' } });
      return;
    }
    const bytes = files.reduce((sum, picked) => sum + picked.file.size, 0) + text.length;
    if (bytes > MAX_TOTAL_BYTES) {
      const error = `These files come to ${formatBytes(bytes)}; Sift imports at most ${formatBytes(MAX_TOTAL_BYTES)} at a time. Import them in smaller groups.`;
      this.set({ ...state, phase: { kind: 'choose', error } });
      return;
    }
    if (files.length > MAX_IMPORT_FILES) {
      this.set({ ...state, phase: { kind: 'choose', error: `Sift imports at most ${MAX_IMPORT_FILES.toLocaleString()} files at a time` } });
      return;
    }
    this.listenForProgress();
    const run: Run = { importId: randomId('import'), cancelled: false, sent: false, settled: false };
    this.run = run;
    const total = files.length + (hasText ? 1 : 0);
    const reading = (stage: 'loading' | 'reading', done: number, current: string | undefined) =>
      this.set({ ...this.state, phase: { kind: 'reading', importId: run.importId, stage, done, total, ...(current ? { current } : {}), cancelling: false } });

    const encoded: Array<{ name: string; data: string }> = [];
    for (const [index, picked] of files.entries()) {
      reading('loading', index, picked.name);
      try {
        const data = await encodeBase64(new Uint8Array(await picked.file.arrayBuffer()), () => run.cancelled);
        if (run.cancelled) return;
        encoded.push({ name: picked.name, data });
      } catch (error) {
        if (run.cancelled) return;
        this.finish(run, { kind: 'failed', message: `${picked.name} could not be read: ${errorMessage(error)}` });
        return;
      }
    }
    if (run.cancelled) return;
    reading('reading', 0, encoded[0]?.name ?? 'Pasted text');
    run.sent = true;
    try {
      const preview = await call('import.preview', {
        importId: run.importId,
        files: encoded,
        ...(hasText ? { text } : {}),
        ...(format !== 'auto' ? { format } : {}),
      }).finally(() => {
        run.settled = true;
      });
      if (run.cancelled || this.run !== run) {
        // The cancel reached the main side before the preview had begun there: forget the result now.
        void cancelOnMainSide(run.importId);
        return;
      }
      this.finish(run, { kind: 'preview', importId: run.importId, preview, committing: false });
    } catch (error) {
      if (run.cancelled || this.run !== run) return;
      this.finish(run, { kind: 'failed', message: errorMessage(error) });
    }
  }

  /** Stops the preview being made. Nothing was written, so the dialog can say so once the main side has let go. */
  async cancel(): Promise<void> {
    const { run } = this;
    const { phase } = this.state;
    if (!run || phase.kind !== 'reading' || phase.importId !== run.importId || run.cancelled) return;
    run.cancelled = true;
    if (run.sent) {
      this.set({ ...this.state, phase: { ...phase, cancelling: true } });
      if (!(await cancelOnMainSide(run.importId))) void stopWhenStarted(run);
    }
    if (this.run === run) this.finish(run, { kind: 'cancelled' });
  }

  /** Back to choosing files, with the same files; a preview is forgotten on the main side. */
  back(): void {
    const { phase } = this.state;
    if (phase.kind === 'preview' && phase.committing) return;
    this.abandon();
    this.set({ ...this.state, phase: { kind: 'choose' } });
  }

  /** Closes the dialog; a preview that was not committed is cancelled. A commit under way is not interrupted. */
  close(): void {
    const { phase } = this.state;
    if (!this.state.open || (phase.kind === 'preview' && phase.committing)) return;
    this.abandon();
    this.set({ ...closedState, request: this.state.request });
  }

  /** Applies the preview with the user's changed decisions and tags, then closes with a summary. */
  async commit(decisions: ImportDecision[], tags: string[]): Promise<void> {
    const { phase } = this.state;
    if (phase.kind !== 'preview' || phase.committing) return;
    this.set({ ...this.state, phase: { ...phase, committing: true } });
    try {
      const result = await libraryStore.commitImport({ importId: phase.importId, decisions, ...(tags.length > 0 ? { tags } : {}) });
      toasts.info(`Imported ${result.added.toLocaleString()}, merged ${result.merged.toLocaleString()}, skipped ${result.skipped.toLocaleString()}`);
      this.run = undefined;
      this.set({ ...closedState, request: this.state.request });
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'not-saved') {
        // The import is applied and kept; only the disk write is pending, and the save indicator follows it.
        toasts.show('warning', error.message);
        this.run = undefined;
        this.set({ ...closedState, request: this.state.request });
        return;
      }
      this.set({ ...this.state, phase: { ...phase, committing: false, error: errorMessage(error) } });
    }
  }

  private abandon(): void {
    const { run } = this;
    this.run = undefined;
    if (!run || run.cancelled) return;
    run.cancelled = true;
    const { phase } = this.state;
    if (run.sent && phase.kind === 'reading') void stopWhenStarted(run);
    else if (run.sent && phase.kind === 'preview') void cancelOnMainSide(run.importId);
  }

  private finish(run: Run, phase: ImportPhase): void {
    if (this.run !== run) return;
    if (phase.kind !== 'preview') this.run = undefined;
    this.set({ ...this.state, phase });
  }

  private listenForProgress(): void {
    if (this.listening) return;
    this.listening = true;
    onEvent('import.progress', ({ importId, done, total, current }) => {
      const { phase } = this.state;
      if (phase.kind !== 'reading' || phase.importId !== importId || phase.stage !== 'reading') return;
      this.set({ ...this.state, phase: { ...phase, done, total, ...(current ? { current } : {}) } });
    });
  }

  private set(next: ImportState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const importStore = new ImportStore();

// Files opened with Sift from the system (a .bib double-clicked, or given to a second copy of the
// app) arrive from the main side as an event; they are imported as if dropped on the window. The
// subscription is made when this module loads, before React renders, so none sent early is lost.
onEvent('app.openFiles', ({ files }) => {
  importStore.drop({ files: files.map(({ name, data }) => ({ name, file: new File([decodeBase64(data) as Uint8Array<ArrayBuffer>], name) })), skipped: 0 });
});
