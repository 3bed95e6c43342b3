/**
 * 警民联系卡 poster as one picture: the drawing (every line, the code, numbers never split) and
 * the weapp adapter that saves it to the album, with the refused-permission path. WeChat's canvas
 * and album are the only stand-ins (they exist only on a phone).
 */
import type { ContactCardCodeView } from '@domain/actions/directory';
import { POSTER_HEIGHT, POSTER_WIDTH, posterLines, posterPicture } from '@/packages/officer/pages/contact-cards/poster-picture';

const wx = {
  createOffscreenCanvas: jest.fn(),
  downloadFile: jest.fn(),
  canvasToTempFilePath: jest.fn(),
  saveImageToPhotosAlbum: jest.fn(),
  openSetting: jest.fn(() => Promise.resolve({})),
  getFileSystemManager: jest.fn(),
  env: { USER_DATA_PATH: 'wxfile://usr' },
};
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: wx }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { savePicture } = require('@/platform/save-picture') as typeof import('@/platform/save-picture');

const code: ContactCardCodeView = {
  cardId: 'card-xly-2',
  scene: 'c=xly-2',
  codeUrl: 'https://tmp.example/code.png',
  card: {
    community: { id: 'xly-2', name: '西罗园第二社区' },
    station: { id: 'xiluoyuan', name: '西罗园派出所' },
    post: { id: 'xly-north', name: '西罗园北警务区', phone: '010-6721 0121' },
    officer: { id: 'o-zhao', title: '赵警官', photoUrl: 'https://tmp.example/zhao.jpg' },
  },
  scans: 3,
  uniqueScanners: 2,
} as unknown as ContactCardCodeView;

/** A 2D context that records what is drawn; text is 1 font-size wide per character. */
function recordingPen() {
  const texts: { text: string; font: string; x: number; y: number }[] = [];
  const images: { image: unknown; x: number; y: number; width: number; height: number }[] = [];
  const pen = {
    fillStyle: '' as unknown,
    strokeStyle: '' as unknown,
    lineWidth: 1,
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: jest.fn(),
    strokeRect: jest.fn(),
    fillText(text: string, x: number, y: number) {
      texts.push({ text, font: pen.font, x, y });
    },
    measureText(text: string) {
      const size = Number(/(\d+)px/.exec(pen.font)?.[1] ?? 10);
      return { width: Array.from(text).length * size };
    },
    drawImage(image: never, x: number, y: number, width: number, height: number) {
      images.push({ image, x, y, width, height });
    },
    save: jest.fn(),
    restore: jest.fn(),
    beginPath: jest.fn(),
    arc: jest.fn(),
    clip: jest.fn(),
  };
  return { pen, texts, images };
}

describe('警民联系卡 poster picture', () => {
  it('draws the badge, community, station and post, officer, phone, code and 110 line, each on one line inside the page', () => {
    const picture = posterPicture(code);
    expect(picture).toMatchObject({ width: POSTER_WIDTH, height: POSTER_HEIGHT, images: { code: code.codeUrl, photo: 'https://tmp.example/zhao.jpg' }, fileName: '西罗园第二社区警民联系卡海报.png' });
    const { pen, texts, images } = recordingPen();
    picture.draw(pen, { code: 'CODE', photo: 'PHOTO' });
    expect(texts.map((line) => line.text)).toEqual(['警民联系卡', '西罗园第二社区', '西罗园派出所 · 西罗园北警务区', '社区民警 赵警官', '警务室电话 010-6721 0121', '扫码问片警 · 紧急情况请拨打110']);
    for (const line of texts) {
      const size = Number(/(\d+)px/.exec(line.font)?.[1]);
      expect(Array.from(line.text).length * size).toBeLessThanOrEqual(POSTER_WIDTH - 200);
    }
    // Top to bottom, in reading order, nothing below the page.
    expect(texts.map((line) => line.y)).toEqual([...texts.map((line) => line.y)].sort((a, b) => a - b));
    expect(texts[texts.length - 1]!.y).toBeLessThan(POSTER_HEIGHT - 100);
    const drawnCode = images.find((image) => image.image === 'CODE');
    expect(drawnCode).toMatchObject({ width: 620, height: 620, x: (POSTER_WIDTH - 620) / 2 });
    expect(drawnCode!.y).toBeGreaterThan(texts[4]!.y);
    expect(images.some((image) => image.image === 'PHOTO')).toBe(true);
  });

  it('shrinks a long line (a long phone number) instead of splitting it', () => {
    const long = { ...code, card: { ...code.card, post: { ...code.card.post, phone: '010-6721 0121 转 8008 / 010-6721 0122' } } } as ContactCardCodeView;
    const { pen, texts } = recordingPen();
    posterPicture(long).draw(pen, { code: 'CODE' });
    const phone = texts.find((line) => line.text.startsWith('警务室电话'))!;
    expect(phone.text).toBe(posterLines(long).phone);
    expect(Number(/(\d+)px/.exec(phone.font)?.[1])).toBeLessThan(56);
  });
});

describe('weapp: saving the poster to the album', () => {
  function phoneCanvas() {
    const { pen, texts } = recordingPen();
    const canvas = {
      width: POSTER_WIDTH,
      height: POSTER_HEIGHT,
      getContext: jest.fn(() => pen),
      createImage: jest.fn(() => {
        const image: { onload: (() => void) | null; onerror: unknown; src: string } = { onload: null, onerror: null, src: '' };
        return new Proxy(image, {
          set(target, key, value) {
            (target as Record<string | symbol, unknown>)[key] = value;
            if (key === 'src') setTimeout(() => target.onload?.(), 0);
            return true;
          },
        });
      }),
    };
    wx.createOffscreenCanvas.mockReturnValue(canvas);
    wx.downloadFile.mockImplementation(async ({ url }: { url: string }) => ({ statusCode: 200, tempFilePath: `wxfile://tmp/${url.split('/').pop()}` }));
    wx.canvasToTempFilePath.mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png' });
    return { canvas, texts };
  }

  beforeEach(() => jest.clearAllMocks());

  it('draws the whole poster on a 2D canvas and saves that one image', async () => {
    const { canvas, texts } = phoneCanvas();
    wx.saveImageToPhotosAlbum.mockResolvedValue({ errMsg: 'saveImageToPhotosAlbum:ok' });
    const outcome = await savePicture(posterPicture(code));
    expect(outcome).toEqual({ saved: true, message: '海报已保存到手机相册，可以打印或发到社区群' });
    expect(wx.createOffscreenCanvas).toHaveBeenCalledWith({ type: '2d', width: POSTER_WIDTH, height: POSTER_HEIGHT });
    expect(wx.downloadFile).toHaveBeenCalledWith({ url: code.codeUrl });
    expect(texts.map((line) => line.text)).toContain('扫码问片警 · 紧急情况请拨打110');
    expect(wx.canvasToTempFilePath).toHaveBeenCalledWith({ canvas, fileType: 'png' });
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });

  it('a refused album permission is said in words, with the way to turn it back on', async () => {
    phoneCanvas();
    wx.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    const outcome = await savePicture(posterPicture(code));
    expect(outcome).toEqual({ saved: false, denied: true, message: expect.stringContaining('添加到相册') });
  });

  it('any other failure is not taken for a permission problem', async () => {
    phoneCanvas();
    wx.downloadFile.mockResolvedValue({ statusCode: 404, tempFilePath: '' });
    const outcome = await savePicture(posterPicture(code));
    expect(outcome).toEqual({ saved: false, denied: false, message: '没能保存海报，请检查网络后再试一次' });
    expect(wx.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });
});
