/** Browser-mode stand-in for a save dialog: the text arrives as a download. */
export function downloadText(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
