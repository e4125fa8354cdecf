/**
 * Copies text. The async Clipboard API can refuse (no focus, no permission, an old Electron policy),
 * so a selected off-screen textarea with execCommand is the fallback.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through to the legacy path
  }
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-helper';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  previousFocus?.focus();
  if (!copied) throw new Error('The clipboard is not available here');
}
