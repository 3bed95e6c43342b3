/**
 * 人民调解协议书 as a printable A4 PDF, drawn with pdfkit. Chinese text needs a CJK font: the
 * function's deploy folder carries Noto Sans CJK (SIL OFL) beside index.js (scripts/
 * build-cloudfunctions.mjs copies it), and pdfkit embeds only the glyphs a document uses, so a
 * two-page agreement is about 70 KB. pdfkit itself is a dependency installed by CloudBase (like
 * wx-server-sdk), not bundled: the function's own JS stays small. See README (圆桌调解).
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CASE_SOURCE_LABELS, MEDIATION_CATEGORY_LABELS, maskPhone } from '@domain/mediation';
import type { MediationCaseRecord } from '@platform/cloud/collections';
import type { Directory } from '@platform/cloud/directory';

const FONT_FILE = 'NotoSansCJK-Regular.ttc';
/** The Simplified Chinese face inside the collection. */
const FONT_FACE = 'NotoSansCJKsc-Regular';

/** Beside the deployed bundle first; MEDIATION_PDF_FONT or the system's fonts-noto-cjk elsewhere (local cloud, tests). */
export function cjkFontPath(): string {
  const candidates = [
    process.env.MEDIATION_PDF_FONT,
    path.join(__dirname, 'fonts', FONT_FILE),
    `/usr/share/fonts/opentype/noto/${FONT_FILE}`,
    `/usr/share/fonts/noto-cjk/${FONT_FILE}`,
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`no CJK font for the agreement PDF (looked in ${candidates.join(', ')})`);
  return found;
}

const beijingDate = (at: Date) => {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
};
const beijingTime = (at: Date) => `${beijingDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function renderAgreementPdf(record: MediationCaseRecord, directory: Directory, now: Date): Promise<Buffer> {
  const agreement = record.agreement;
  if (!agreement) throw new Error('no agreement');
  const station = directory.stations.get(record.stationId);
  const community = directory.communities.get(record.communityId);
  const owner = directory.officers.get(record.ownerOfficerId);
  const coMediators = record.coMediatorOfficerIds.map((id) => directory.officers.get(id)).flatMap((officer) => (officer ? [`${directory.stations.get(officer.stationId)?.name ?? ''} ${officer.title}`] : []));
  const held = record.sessions.filter((session) => session.status === 'held');
  const forces = [...new Set(held.flatMap((session) => session.invitations.filter((invitation) => invitation.kind !== 'party' && session.record?.attendedInvitationIds.includes(invitation.id)).map((invitation) => `${invitation.roleLabel} ${invitation.name}`)))];

  const doc = new PDFDocument({ size: 'A4', margin: 56, lang: 'zh-CN', info: { Title: '人民调解协议书', Author: station?.name ?? '枫桥邻警', Subject: record.title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFontPath(), FONT_FACE);
  doc.font('cjk');

  const heading = (text: string) => doc.moveDown(0.6).fontSize(13).fillColor('#1a4fa3').text(text).fillColor('#000000').fontSize(11.5);
  const line = (text: string) => doc.text(text, { lineGap: 3 });

  doc.fontSize(22).text('人民调解协议书', { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#4e5969').text(`编号 ${record._id} · 协议第 ${agreement.version} 版 · 生成于 ${beijingTime(now)}`, { align: 'center' }).fillColor('#000000');

  heading('当事人');
  record.parties.forEach((party, index) => {
    const parts = [`${index === 0 ? '甲方' : index === 1 ? '乙方' : `第${NUMERALS[index] ?? index + 1}方`}：${party.name}`];
    if (party.address) parts.push(`住址：${party.address}`);
    if (party.phone) parts.push(`电话：${maskPhone(party.phone)}`);
    line(parts.join('\u3000'));
  });

  heading('纠纷简要情况');
  line(`类别：${MEDIATION_CATEGORY_LABELS[record.category]}\u3000来源：${CASE_SOURCE_LABELS[record.source]}\u3000地点：${record.place.text}（${community?.name ?? ''}）`);
  line(record.description);

  heading('调解经过');
  line(`主持调解：${station?.name ?? ''} ${owner?.title ?? ''}${coMediators.length ? `；协同调解：${coMediators.join('、')}` : ''}`);
  for (const session of held) line(`${beijingTime(session.at)} 于${session.place}召开圆桌调解会。`);
  if (forces.length) line(`参与调解：${forces.join('、')}`);

  heading('经调解，双方自愿达成如下协议');
  agreement.terms.forEach((term, index) => doc.text(`${index + 1}. ${term}`, { lineGap: 3, indent: 0, paragraphGap: 2 }));

  heading('履行与回访');
  line(`本协议自各方确认之日起生效，各方应自觉履行。民警将在各方确认后 ${record.followUpDays} 天回访履行情况。当事人可持本协议向人民调解委员会或人民法院申请司法确认。`);

  heading('当事人确认');
  for (const party of record.parties) {
    const confirmation = agreement.confirmations.find((candidate) => candidate.partyId === party.id);
    const how = confirmation ? (confirmation.via === 'app' ? `已于 ${beijingTime(confirmation.at)} 在“枫桥邻警”小程序中确认` : `已于 ${beijingTime(confirmation.at)} 在纸质协议上签字（照片存档）`) : '尚未确认';
    line(`${party.name}：${how}`);
  }
  doc.moveDown(1.2);
  line('当事人（签字）：____________________\u3000\u3000____________________');
  doc.moveDown(0.6);
  line(`调解人（签字）：____________________\u3000\u3000日期：${beijingDate(now)}`);
  doc.end();
  return done;
}
