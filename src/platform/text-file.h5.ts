import type { PickedTextFile } from './text-file';

export type { PickedTextFile } from './text-file';

const MAX_BYTES = 400_000;

/** H5 (local mode): the browser's own file chooser, read as UTF-8 text. */
export function pickTextFile(extensions: string[]): Promise<PickedTextFile> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((extension) => `.${extension}`).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve({ ok: false, message: '' });
      if (file.size > MAX_BYTES) return resolve({ ok: false, message: '文件太大（最多 400 KB）' });
      file.text().then(
        (text) => resolve({ ok: true, name: file.name, text }),
        () => resolve({ ok: false, message: '没能读取这个文件，请确认是文本文件' }),
      );
    });
    document.body.appendChild(input);
    input.click();
  });
}
