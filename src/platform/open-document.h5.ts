/** H5 (local mode): the browser's own PDF viewer prints it. */
export async function openPdf(url: string): Promise<void> {
  window.open(url, '_blank', 'noopener');
}
