import type { ContactCardCodeView } from '@domain/actions/directory';
import type { Picture, PicturePen } from '@/platform/save-picture';
import { THEME } from '@/theme';

/** A4 at 150 dpi: prints sharp on the notice board, small enough for a phone's album. */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;
const MARGIN = 100;
const CODE_SIZE = 620;
const PHOTO_SIZE = 240;
const FONT_FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/**
 * One line of text centred at y, in the largest size up to `size` that fits the poster's width:
 * a phone number or a long community name shrinks rather than breaking across lines.
 */
function centredLine(pen: PicturePen, text: string, y: number, size: number, options: { bold?: boolean; color?: string } = {}): number {
  const weight = options.bold ? '700 ' : '';
  let fitted = size;
  pen.font = `${weight}${fitted}px ${FONT_FAMILY}`;
  while (fitted > 24 && pen.measureText(text).width > POSTER_WIDTH - 2 * MARGIN) {
    fitted -= 4;
    pen.font = `${weight}${fitted}px ${FONT_FAMILY}`;
  }
  pen.fillStyle = options.color ?? THEME.text;
  pen.textAlign = 'center';
  pen.textBaseline = 'top';
  pen.fillText(text, POSTER_WIDTH / 2, y);
  return y + fitted;
}

/** The lines of the poster, in reading order (the page's poster shows the same). */
export function posterLines(code: ContactCardCodeView): { badge: string; community: string; station: string; officer?: string; phone: string; motto: string } {
  const { card } = code;
  return {
    badge: '警民联系卡',
    community: card.community.name,
    station: `${card.station.name} · ${card.post.name}`,
    ...(card.officer ? { officer: `社区民警 ${card.officer.title}` } : {}),
    phone: `警务室电话 ${card.post.phone}`,
    motto: '扫码问片警 · 紧急情况请拨打110',
  };
}

/**
 * The community's contact-card poster as one picture — badge, community, station and post, the
 * officer's photo and name, the post's phone, the code, and 110 first — drawn with the app's
 * colours, for the phone's album (weapp) or a download (H5).
 */
export function posterPicture(code: ContactCardCodeView): Picture {
  const lines = posterLines(code);
  const photoUrl = code.card.officer?.photoUrl;
  return {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    images: { code: code.codeUrl, ...(photoUrl ? { photo: photoUrl } : {}) },
    fileName: `${lines.community}警民联系卡海报.png`,
    draw: (pen, images) => {
      pen.fillStyle = THEME.surface;
      pen.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);
      pen.strokeStyle = THEME.primary;
      pen.lineWidth = 16;
      pen.strokeRect(40, 40, POSTER_WIDTH - 80, POSTER_HEIGHT - 80);

      pen.fillStyle = THEME.primary;
      pen.fillRect(POSTER_WIDTH / 2 - 220, 100, 440, 110);
      let y = centredLine(pen, lines.badge, 122, 64, { bold: true, color: THEME.surface }) + 70;

      y = centredLine(pen, lines.community, y, 96, { bold: true }) + 30;
      y = centredLine(pen, lines.station, y, 52) + 40;

      if (images.photo) {
        pen.save();
        pen.beginPath();
        pen.arc(POSTER_WIDTH / 2, y + PHOTO_SIZE / 2, PHOTO_SIZE / 2, 0, Math.PI * 2);
        pen.clip();
        pen.drawImage(images.photo as never, POSTER_WIDTH / 2 - PHOTO_SIZE / 2, y, PHOTO_SIZE, PHOTO_SIZE);
        pen.restore();
        y += PHOTO_SIZE + 24;
      }
      if (lines.officer) y = centredLine(pen, lines.officer, y, 64, { bold: true }) + 24;
      y = centredLine(pen, lines.phone, y, 56, { bold: true, color: THEME.primary }) + 40;

      const codeTop = Math.min(y, POSTER_HEIGHT - CODE_SIZE - 220);
      pen.drawImage(images.code as never, (POSTER_WIDTH - CODE_SIZE) / 2, codeTop, CODE_SIZE, CODE_SIZE);
      centredLine(pen, lines.motto, codeTop + CODE_SIZE + 50, 60, { bold: true, color: THEME.danger });
    },
  };
}
