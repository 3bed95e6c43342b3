/** The part of pdfkit (https://pdfkit.org) the mediation function uses; the package ships no types. */
declare module 'pdfkit' {
  interface TextOptions {
    align?: 'left' | 'center' | 'right' | 'justify';
    width?: number;
    indent?: number;
    lineGap?: number;
    paragraphGap?: number;
    continued?: boolean;
  }
  class PDFDocument {
    constructor(options?: { size?: string; margin?: number; info?: Record<string, string>; lang?: string; bufferPages?: boolean; font?: string | null });
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    registerFont(name: string, src: string | Buffer, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x?: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    addPage(): this;
    end(): void;
    x: number;
    y: number;
    page: { width: number; height: number; margins: { left: number; right: number; top: number; bottom: number } };
  }
  export default PDFDocument;
}
