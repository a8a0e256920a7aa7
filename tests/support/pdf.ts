import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF, by poppler's pdftotext (layout kept), and its metadata by pdfinfo. */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(bytes: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

function tempPdf(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexus-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page (pdftotext, layout kept; pages are separated by form feeds). */
export function pdfPageTexts(bytes: Buffer): string[] {
  const pages = execFileSync('pdftotext', ['-layout', tempPdf(bytes), '-'], { encoding: 'utf8' }).split('\f');
  if (pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** qpdf's structural check of a PDF: `ok` when qpdf exits 0 and reports no errors or warnings. */
export function qpdfCheck(bytes: Buffer): { ok: boolean; output: string } {
  try {
    const output = execFileSync('qpdf', ['--check', tempPdf(bytes)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: /No syntax or stream encoding errors found/.test(output) && !/WARNING/i.test(output), output };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

/** The fonts of a PDF by poppler's pdffonts: name, type and whether each is embedded. */
export function pdfFonts(bytes: Buffer): Array<{ name: string; type: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [tempPdf(bytes)], { encoding: 'utf8' }).split('\n');
  const rule = lines.findIndex((l) => l.startsWith('---'));
  // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object number, generation.
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`pdffonts printed a line it was not expected to: ${l}`);
      return { name: m[1], type: m[2], embedded: m[4] === 'yes' };
    });
}
