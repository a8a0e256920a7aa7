import { strToU8, zipSync } from 'fflate';

/** Small documents of each kind a peer review submission takes, made here (no fixtures on disk). */

/** A one-page PDF (enough of one to be sniffed as PDF: `%PDF-`). */
export function pdfBytes(text = 'Annual report'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

const contentTypes = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="${part}" ContentType="${main}"/>
</Types>`;

/** A Word document (.docx): a zip whose [Content_Types].xml names a wordprocessingml main part. */
export function docxBytes(text = 'Work plan'): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', '/word/document.xml'),
      ),
      'word/document.xml': strToU8(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    }),
  );
}

/** An Excel workbook (.xlsx). */
export function xlsxBytes(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', '/xl/workbook.xml')),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    }),
  );
}

/** A zip that is no Office document at all. */
export function plainZipBytes(): Buffer {
  return Buffer.from(zipSync({ 'notes.txt': strToU8('not a document') }));
}

/** A Word 97–2003 document (.doc): an OLE compound file with a WordDocument stream named in its directory. */
export function legacyDocBytes(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.from('Root Entry', 'utf16le'), Buffer.alloc(40), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(64)]);
}

/** A multipart body with the file in the field `file`. */
export function documentForm(bytes: Buffer, fileName: string, type = 'application/octet-stream', extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  return form;
}
