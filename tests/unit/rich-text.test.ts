import { parseParagraph, plainText } from '@domain/rich-text';

test('headings, list items and emphasis; everything else is plain text', () => {
  expect(parseParagraph('## 骗子怎么说')).toEqual({ type: 'heading', spans: [{ text: '骗子怎么说', strong: false }] });
  expect(parseParagraph('- 不要转账')).toEqual({ type: 'item', spans: [{ text: '不要转账', strong: false }] });
  expect(parseParagraph('公检法**没有**安全账户')).toEqual({
    type: 'paragraph',
    spans: [
      { text: '公检法', strong: false },
      { text: '没有', strong: true },
      { text: '安全账户', strong: false },
    ],
  });
});

test('markup-looking text stays text: nothing is interpreted as HTML', () => {
  const block = parseParagraph('<img src=x onerror=alert(1)> **<b>**');
  expect(block.spans.map((span) => span.text)).toEqual(['<img src=x onerror=alert(1)> ', '<b>']);
  expect(plainText('## **紧急**提醒')).toBe('紧急提醒');
  expect(parseParagraph('**未闭合').spans).toEqual([{ text: '**未闭合', strong: false }]);
});
