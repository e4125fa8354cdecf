import { describe, expect, it, vi } from 'vitest';

// The renderer's door out as a fake: it records calls and lets the test send events.
const fake = vi.hoisted(() => ({
  calls: [] as Array<{ method: string; input: unknown }>,
  listeners: new Map<string, Array<(payload: unknown) => void>>(),
}));
vi.mock('../../../../renderer/src/api/client', () => ({
  ApiCallError: class extends Error {},
  call: (method: string, input: unknown) => {
    fake.calls.push({ method, input });
    return new Promise(() => undefined);
  },
  onEvent: (event: string, listener: (payload: unknown) => void) => {
    fake.listeners.set(event, [...(fake.listeners.get(event) ?? []), listener]);
    return () => undefined;
  },
}));

const { importStore } = await import('../../../../renderer/src/state/import-store');

describe('files opened with Sift from the system (app.openFiles)', () => {
  it('open the import dialog and preview them, as files dropped on the window are', async () => {
    const bib = '@article{a, title = {Opened from the file manager}, year = 2024}\n';
    const data = Buffer.from(bib).toString('base64');
    expect(importStore.getSnapshot().open).toBe(false);
    for (const listener of fake.listeners.get('app.openFiles') ?? []) listener({ files: [{ name: 'refs.bib', data }] });
    expect(importStore.getSnapshot()).toMatchObject({ open: true, files: [{ name: 'refs.bib' }] });
    await vi.waitFor(() => expect(fake.calls.map((entry) => entry.method)).toContain('import.preview'));
    const preview = fake.calls.find((entry) => entry.method === 'import.preview')?.input as { files: Array<{ name: string; data: string }> };
    expect(preview.files).toEqual([{ name: 'refs.bib', data }]);
  });
});
