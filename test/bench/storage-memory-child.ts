// Opens a library the way the app does and prints the memory it then holds, after a full GC.
// Run by suites/storage.ts in a fresh process (with --expose-gc).
import { LibraryStore } from '../../electron/services/library-store';

const folder = process.argv[2] ?? '';
const store = await LibraryStore.open(folder, { validateInBackground: true, watchExternalChanges: false, readOnly: true });
await store.whenValidated();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
gc?.();
const { heapUsed, rss } = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ heapMB: heapUsed / 1e6, rssMB: rss / 1e6, papers: store.data.papers.length })}\n`);
