// Saves text as a file: a Blob and a link with `download`. In the browser (web host) this
// is an ordinary download; in the desktop app main/electron lets exactly this kind of
// download through (a blob: URL of the app's own origin, a .csv name) with a save dialog.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start reading it before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
