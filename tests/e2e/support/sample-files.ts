/** Small real documents for upload tests: the portal decides types by content. */

const minimalPdf = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

// A 1×1 transparent PNG.
const minimalPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export function pdfFile(name: string) {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(minimalPdf) };
}

export function pngFile(name: string) {
  return { name, mimeType: "image/png", buffer: minimalPng };
}
