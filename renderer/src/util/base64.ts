/**
 * Bytes encoded per step, a multiple of 3 so that the pieces concatenate into one valid base64
 * text. Between steps the UI thread is handed back, so a large file does not freeze the window.
 */
const STEP = 3 * 1024 * 1024;
/**
 * Bytes per `String.fromCharCode` call in the fallback: it takes every byte as an argument, and a
 * whole file would overflow the stack. Also a multiple of 3.
 */
const FALLBACK_CHUNK = 3 * 8192;

/** Chromium 140+ (Electron 38+) encodes natively; the type is not in TypeScript's ES2022 library yet. */
type MaybeNativeBase64 = Uint8Array & { toBase64?: () => string };

function encodeStep(bytes: Uint8Array): string {
  const native = (bytes as MaybeNativeBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += FALLBACK_CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + FALLBACK_CHUNK))));
  }
  return parts.join('');
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Base64 of `bytes`, a step at a time; stops early (returning '') once `isCancelled` says so. */
export async function encodeBase64(bytes: Uint8Array, isCancelled: () => boolean = () => false): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += STEP) {
    if (start > 0) {
      await nextTask();
      if (isCancelled()) return '';
    }
    parts.push(encodeStep(bytes.subarray(start, start + STEP)));
  }
  return parts.join('');
}

/** Chromium 140+ decodes natively; the method is not in TypeScript's ES2022 library yet. */
type MaybeNativeDecode = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };

export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as MaybeNativeDecode).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
