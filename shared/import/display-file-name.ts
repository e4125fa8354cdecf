/** Longest file name shown for an imported file, in characters. */
const MAX_DISPLAY_LENGTH = 255;

// eslint-disable-next-line no-control-regex -- control characters are what it matches
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name an imported file is shown and recorded under (preview, `paper.source.fileName`). It
 * comes from the caller, so it is never trusted as a path: only its last segment is kept (after
 * `/` or `\`), without control or bidirectional characters (`\u202E` would show `x\u202Efdp.exe`
 * as `xexe.pdf`), trimmed and cut to 255 characters. It is only ever a label: files Sift stores are
 * named by their content's hash.
 */
export function displayFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const cleaned = last.normalize('NFC').replace(INVISIBLE, '').trim();
  const shown = Array.from(cleaned).slice(0, MAX_DISPLAY_LENGTH).join('');
  return shown === '' ? 'Unnamed file' : shown;
}
