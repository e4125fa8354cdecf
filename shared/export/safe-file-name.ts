/** Longest file name in characters, its extension and any `-2` suffix included. */
export const MAX_FILE_NAME_LENGTH = 120;
/** ext4 and APFS count a name's UTF-8 bytes (255 at most): a stem of CJK or emoji stops here first. */
const MAX_STEM_BYTES = 240;

/**
 * Characters that no file name may hold on Windows (`<>:"/\|?*` and control characters), those
 * that break an Obsidian link to the note (`#`, `^`, `[`, `]`), and the bidirectional controls that
 * make a name read differently from what it is (`\u202E` shows `evil\u202Efdp.exe` as `evilexe.pdf`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Device names Windows reserves whatever the extension (`CON.md`, `nul.draft.md`). */
const RESERVED_NAMES = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i;

/**
 * A file name stem safe on Windows, macOS and Linux, or '' when nothing usable is left: unsafe
 * characters become `-`, white space runs one space, no leading dot (a hidden file that Obsidian
 * skips) or space, no trailing dot or space (Windows drops them) or `-`, a reserved device name gets `_`,
 * and it is cut to fit the length limit with its extension.
 */
export function safeFileStem(text: string, extension = '.md'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE_IN_FILE_NAME, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+/, '');
  const stem = trimEnd(truncate(cleaned, MAX_FILE_NAME_LENGTH - extension.length));
  // Windows reserves the device name before the first dot: `NUL.draft` becomes `NUL_.draft`.
  return stem.replace(/^[^.]*/, (first) => (RESERVED_NAMES.test(first.trimEnd()) ? `${first.trimEnd()}_` : first));
}

/**
 * `stem.md`, or `stem-2.md`, `stem-3.md`… when `taken` holds the name, which it then does; a long
 * stem is cut to make room for the suffix. Names that differ only in case or Unicode form clash, as
 * they do on macOS and Windows.
 */
export function uniqueFileName(stem: string, taken: Set<string>, extension = '.md'): string {
  let name = `${stem}${extension}`;
  for (let n = 2; taken.has(fold(name)); n += 1) {
    const suffix = `-${n}`;
    name = `${trimEnd(truncate(stem, MAX_FILE_NAME_LENGTH - extension.length - suffix.length))}${suffix}${extension}`;
  }
  taken.add(fold(name));
  return name;
}

function fold(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** At most `max` code points and MAX_STEM_BYTES UTF-8 bytes, never splitting a character. */
function truncate(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const char of Array.from(text).slice(0, max)) {
    bytes += utf8Length(char);
    if (bytes > MAX_STEM_BYTES) break;
    out += char;
  }
  return out;
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function trimEnd(text: string): string {
  return text.replace(/[\s.-]+$/, '');
}
