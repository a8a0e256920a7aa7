import { strToU8, zipSync } from 'fflate';
import { checkSubmissionFile, cleanFileName, sniffSubmissionFile } from './submission-file-type';

const ooxml = (contentType: string) =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(`<Types><Override PartName="/x/main.xml" ContentType="${contentType}"/></Types>`),
      'x/main.xml': strToU8('<x/>'),
    }),
  );
const ole = (stream: string) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le')]);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

describe('what a submitted file is, from its bytes', () => {
  it('knows PDF, Word and Excel, new and old', () => {
    expect(sniffSubmissionFile(Buffer.from('%PDF-1.7\n…'))).toEqual({ ok: true, kind: 'pdf' });
    expect(sniffSubmissionFile(ooxml(DOCX))).toEqual({ ok: true, kind: 'docx' });
    expect(sniffSubmissionFile(ooxml(XLSX))).toEqual({ ok: true, kind: 'xlsx' });
    expect(sniffSubmissionFile(ole('WordDocument'))).toEqual({ ok: true, kind: 'doc' });
    expect(sniffSubmissionFile(ole('Workbook'))).toEqual({ ok: true, kind: 'xls' });
    expect(sniffSubmissionFile(ole('Book'))).toEqual({ ok: true, kind: 'xls' });
  });

  it('refuses the rest, saying why: empty, macros, templates, other Office files, zips and anything else', () => {
    const why = (bytes: Buffer) => {
      const r = sniffSubmissionFile(bytes);
      return r.ok ? r.kind : r.message;
    };
    expect(why(Buffer.alloc(0))).toBe('The file is empty');
    expect(why(ooxml('application/vnd.ms-word.document.macroEnabled.main+xml'))).toMatch(/^Files with macros/);
    expect(why(ooxml('application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'))).toMatch(/^Templates/);
    expect(why(ooxml('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'))).toMatch(
      /not a Word document or Excel workbook/,
    );
    expect(why(Buffer.from(zipSync({ 'a.txt': strToU8('a') })))).toMatch(/zip file is not a Word document/);
    expect(why(ole('PowerPoint Document'))).toMatch(/neither a Word document nor an Excel workbook/);
    expect(why(Buffer.from('PK\x03\x04 broken'))).toMatch(/^This zip file (cannot be read|is not)/);
    expect(why(Buffer.from('<html>'))).toMatch(/^The file must be a PDF, a Word document/);
  });

  it('refuses a name or a declared type that says one kind while the bytes are another; generic ones are left to the bytes', () => {
    const pdf = Buffer.from('%PDF-1.4');
    expect(checkSubmissionFile(pdf, 'application/pdf', 'report.pdf')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkSubmissionFile(pdf, 'application/octet-stream', 'report')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkSubmissionFile(pdf, undefined, 'Report.PDF')).toEqual({ ok: true, kind: 'pdf' });
    expect(checkSubmissionFile(pdf, 'application/msword', 'report.pdf')).toEqual({
      ok: false,
      message: 'The file says it is a Word 97–2003 document but its content is a PDF',
    });
    expect(checkSubmissionFile(ooxml(XLSX), undefined, 'figures.xls')).toEqual({
      ok: false,
      message: 'The file is named .xls but its content is an Excel workbook: rename it or send the right file',
    });
  });

  it('keeps a file name without its path or characters that could mislead', () => {
    expect(cleanFileName('C:\\\\Users\\\\owen\\\\Annual report "final".pdf', 'pdf')).toBe('Annual report final.pdf');
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd');
    expect(cleanFileName('evil\u202Efdp.exe', 'pdf')).toBe('evilfdp.exe');
    expect(cleanFileName(undefined, 'docx')).toBe('document.docx');
    expect(cleanFileName('   ', 'xlsx')).toBe('document.xlsx');
  });
});
