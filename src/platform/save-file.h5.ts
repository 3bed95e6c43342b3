/** H5 (local mode): the browser downloads the file under its Chinese name. */
export async function saveDownloadedFile(url: string, fileName: string): Promise<void> {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
