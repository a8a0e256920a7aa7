import { SUBMISSION_FILE_KIND_LABELS, type SubmissionFileKind } from '@plexus/domain';
import { TableLimitError, UnreadableTableError } from '../table/table-errors';
import { InflateBudget, scanZip } from '../table/xlsx-zip';

/** The media type each kind of submission file is served with. */
export const SUBMISSION_CONTENT_TYPES: Record<SubmissionFileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
/** [Content_Types].xml is a few kilobytes; more than this inflated is not a document we take. */
const CONTENT_TYPES_MAX_BYTES = 256 * 1024;
/** Stream names of the legacy formats' compound file directory, as stored (UTF-16LE). */
const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
const EXCEL_STREAMS = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book', 'utf16le')];

const OOXML_MAIN: Array<[RegExp, SubmissionFileKind | 'macro' | 'template']> = [
  [/application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml/, 'docx'],
  [/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/, 'xlsx'],
  [/application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml|application\/vnd\.ms-excel\.sheet\.macroEnabled\.main\+xml/i, 'macro'],
  [/wordprocessingml\.template\.main\+xml|spreadsheetml\.template\.main\+xml/, 'template'],
];

export type SniffResult = { ok: true; kind: SubmissionFileKind } | { ok: false; message: string };

const ACCEPTED = 'a PDF, a Word document (.docx or .doc) or an Excel workbook (.xlsx or .xls)';

/** What the bytes of an uploaded document are: PDF (`%PDF-`), OOXML (a zip whose [Content_Types].xml names a Word or Excel main part) or a legacy Office compound file (by its streams). */
export function sniffSubmissionFile(bytes: Buffer): SniffResult {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty' };
  if (bytes.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return { ok: true, kind: 'pdf' };
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    if (bytes.includes(WORD_STREAM)) return { ok: true, kind: 'doc' };
    if (EXCEL_STREAMS.some((name) => bytes.includes(name))) return { ok: true, kind: 'xls' };
    return { ok: false, message: `This Office 97–2003 file is neither a Word document nor an Excel workbook: send ${ACCEPTED}` };
  }
  if (bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    let contentTypes = '';
    let found = false;
    try {
      scanZip(bytes, new InflateBudget(CONTENT_TYPES_MAX_BYTES), (name) => {
        if (name !== '[Content_Types].xml') return null;
        found = true;
        const chunks: Uint8Array[] = [];
        return (chunk, final) => {
          chunks.push(chunk);
          if (final) contentTypes = Buffer.concat(chunks).toString('utf8');
        };
      });
    } catch (err) {
      if (err instanceof TableLimitError || err instanceof UnreadableTableError) {
        return { ok: false, message: `This zip file cannot be read as a Word document or Excel workbook: send ${ACCEPTED}` };
      }
      throw err;
    }
    if (!found) return { ok: false, message: `This zip file is not a Word document or Excel workbook: send ${ACCEPTED}` };
    const match = OOXML_MAIN.find(([pattern]) => pattern.test(contentTypes))?.[1];
    if (match === 'macro') return { ok: false, message: `Files with macros (.docm, .xlsm) are not accepted: save it without macros, as ${ACCEPTED}` };
    if (match === 'template') return { ok: false, message: `Templates (.dotx, .xltx) are not accepted: save it as a document, as ${ACCEPTED}` };
    if (match) return { ok: true, kind: match };
    return { ok: false, message: `This Office file is not a Word document or Excel workbook: send ${ACCEPTED}` };
  }
  return { ok: false, message: `The file must be ${ACCEPTED}` };
}

const EXTENSIONS: Record<string, SubmissionFileKind> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', doc: 'doc', xls: 'xls' };
const KIND_OF_TYPE = new Map(Object.entries(SUBMISSION_CONTENT_TYPES).map(([kind, type]) => [type, kind as SubmissionFileKind]));

const label = (kind: SubmissionFileKind) => {
  const name = SUBMISSION_FILE_KIND_LABELS[kind];
  return kind === 'pdf' ? 'a PDF' : kind === 'xlsx' || kind === 'xls' ? `an ${name} workbook` : `a ${name} document`;
};

/**
 * Trusts the bytes, not the name or the declared type — and refuses a file whose name or declared type says one kind
 * while its bytes are another (a renamed file, or one made to look like what it is not). Generic declared types
 * (application/octet-stream) and names without a known extension are left to the bytes.
 */
export function checkSubmissionFile(bytes: Buffer, declaredType: string | undefined, fileName: string | undefined): SniffResult {
  const sniffed = sniffSubmissionFile(bytes);
  if (!sniffed.ok) return sniffed;
  const declared = declaredType ? KIND_OF_TYPE.get(declaredType.split(';')[0].trim().toLowerCase()) : undefined;
  if (declared && declared !== sniffed.kind) {
    return { ok: false, message: `The file says it is ${label(declared)} but its content is ${label(sniffed.kind)}` };
  }
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  const named = extension ? EXTENSIONS[extension] : undefined;
  if (named && named !== sniffed.kind) {
    return { ok: false, message: `The file is named .${extension} but its content is ${label(sniffed.kind)}: rename it or send the right file` };
  }
  return sniffed;
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control or quote characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, kind: SubmissionFileKind): string {
  const base = ((name ?? '').split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-200);
  return base || `document.${kind}`;
}
