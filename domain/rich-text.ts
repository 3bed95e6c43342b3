/**
 * The little formatting an officer's item may carry, parsed into plain pieces that the page
 * renders as text nodes: never HTML, so nothing in an item can run code or load anything.
 *
 *   ## 小标题          a heading line
 *   - 要点             a list item
 *   **加粗**           emphasis inside any line
 */
export interface RichSpan {
  text: string;
  strong: boolean;
}

export type RichBlock = { type: 'heading'; spans: RichSpan[] } | { type: 'item'; spans: RichSpan[] } | { type: 'paragraph'; spans: RichSpan[] };

export function parseSpans(line: string): RichSpan[] {
  const spans: RichSpan[] = [];
  const pattern = /\*\*([^*]+)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index > last) spans.push({ text: line.slice(last, match.index), strong: false });
    spans.push({ text: match[1] as string, strong: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last), strong: false });
  return spans;
}

export function parseParagraph(paragraph: string): RichBlock {
  const heading = /^#{1,3}\s+(.+)$/.exec(paragraph);
  if (heading) return { type: 'heading', spans: parseSpans(heading[1] as string) };
  const item = /^[-•·]\s+(.+)$/.exec(paragraph);
  if (item) return { type: 'item', spans: parseSpans(item[1] as string) };
  return { type: 'paragraph', spans: parseSpans(paragraph) };
}

/** The text a resident reads, without the marks (for search and content security). */
export function plainText(paragraph: string): string {
  return parseParagraph(paragraph)
    .spans.map((span) => span.text)
    .join('');
}
