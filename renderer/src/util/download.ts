/** Hands a file to the browser's (or Electron's) download, which asks where to save it in the desktop app. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.className = 'visually-hidden';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Chromium; give it a moment.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browser-mode stand-in for a save dialog: the text arrives as a download. */
export function downloadText(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
