// The part of pdfmake 0.3 (server build) that the PDF renderer uses; pdfmake ships no types.
declare module "pdfmake" {
  interface PdfOutput {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
    addFonts(fonts: Record<string, Record<string, string>>): void;
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    createPdf(definition: object, options?: object): PdfOutput;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
