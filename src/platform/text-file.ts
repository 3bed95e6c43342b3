import Taro from '@tarojs/taro';

export type PickedTextFile = { ok: true; name: string; text: string } | { ok: false; message: string };

const MAX_BYTES = 400_000;

/**
 * weapp: a file the admin picks from a WeChat chat (chooseMessageFile — a mini-program cannot
 * browse the phone's storage), read as UTF-8 text. For GeoJSON boundaries and holiday lists.
 */
export async function pickTextFile(extensions: string[]): Promise<PickedTextFile> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const file = tempFiles[0];
    if (!file) return { ok: false, message: '' };
    if (file.size > MAX_BYTES) return { ok: false, message: '文件太大（最多 400 KB）' };
    const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8') as string;
    return { ok: true, name: file.name, text };
  } catch (error) {
    const errMsg = String((error as { errMsg?: unknown } | undefined)?.errMsg ?? error);
    if (/cancel/i.test(errMsg)) return { ok: false, message: '' };
    return { ok: false, message: '没能读取这个文件，请确认是文本文件' };
  }
}
