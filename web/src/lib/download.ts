/** Hands text to the browser as a file to save, as a link with `download` would. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the click returns in every browser but
  // older Safari, which needs the URL a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
