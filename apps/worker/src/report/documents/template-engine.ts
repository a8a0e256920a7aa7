import { withoutDirectionControls, type ReportKindValue } from '@plexus/contracts';
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOCUMENT_KINDS, type DocumentKind } from './registry';
import type { DocumentViewModel } from './shared/view-model';

/**
 * The folder holding the templates (`shared/`, one folder per kind). From TypeScript sources (jest, the
 * benchmarks) it is this file's folder; in the webpack bundle `__dirname` is dist/apps/worker and the build
 * copies the templates to `report-documents/` beside main.js (see apps/worker/webpack.config.js).
 */
export function documentsDir(): string {
  const candidates = [__dirname, join(__dirname, 'report-documents')];
  const found = candidates.find((dir) => existsSync(join(dir, 'shared', 'layout.hbs')));
  if (!found) throw new Error(`Report templates not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * A CSS string literal of any text, safe inside a <style> element: letters, digits and spaces as they are, every
 * other character as a CSS escape (`\3c ` for "<"), so nothing typed can end the string, the rule or the element.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${(ch.codePointAt(0) ?? 0xfffd).toString(16)} `;
  return `${out}"`;
}

/**
 * A copy of a view model with the direction controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) taken out of every
 * string in it: typed into a title or a comment, a right-to-left override makes what follows read backwards ("txt.exe"
 * shown for "exe.txt") and runs on into the text printed beside it.
 */
export function withoutBidiControls<T>(value: T): T {
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return withoutDirectionControls(v);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [withoutDirectionControls(k), clean(x)]));
    return v;
  };
  return clean(value) as T;
}

/** `progress-summary.hbs` → `progressSummary`: the name a view model's section gives as its `partial`. */
export function partialName(file: string): string {
  return basename(file, '.hbs').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Every `.hbs` and `.css` template under the folder (for the safety checks): relative path → source. */
export function templateSources(dir = documentsDir()): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (/\.(hbs|css)$/.test(entry.name)) out[path] = read(dir, path);
    }
  };
  walk('');
  return out;
}

/** A template file's source; the final newline every file ends with is not part of the template. */
function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8').replace(/\r?\n$/, '');
}

/**
 * Handlebars, loaded from the template files and compiled once per process, in an isolated environment (no
 * global helpers or partials). Partials: `shared/partials/*.hbs` and every kind's `partials/*.hbs`, named by
 * their file; `styles` (shared/styles.css) and `layout` (shared/layout.hbs). Each kind's sample is rendered once
 * here, so a template that does not compile, or names a partial that does not exist, stops the worker at boot.
 */
export class TemplateEngine {
  private readonly hbs = Handlebars.create();
  private readonly bodies = new Map<ReportKindValue, Handlebars.TemplateDelegate>();

  constructor(
    readonly dir = documentsDir(),
    kinds: { [K in ReportKindValue]: DocumentKind<K> } = DOCUMENT_KINDS,
  ) {
    const opts = { strict: false, noEscape: false, knownHelpersOnly: false } as const;
    this.hbs.registerHelper(
      'cssString',
      (value: unknown) => new this.hbs.SafeString(cssString(value === null || value === undefined ? '' : String(value))),
    );
    const compile = (path: string) => this.hbs.compile(read(dir, path), opts);
    const partial = (name: string, path: string) => {
      if (this.hbs.partials[name]) throw new Error(`Two report partials are called "${name}" (${path})`);
      this.hbs.registerPartial(name, compile(path));
    };
    partial('styles', 'shared/styles.css');
    partial('layout', 'shared/layout.hbs');
    for (const folder of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const partials = join(dir, folder.name, 'partials');
      if (!existsSync(partials)) continue;
      for (const file of readdirSync(partials)
        .filter((f) => f.endsWith('.hbs'))
        .sort())
        partial(partialName(file), `${folder.name}/partials/${file}`);
    }
    for (const [kind, def] of Object.entries(kinds) as Array<[ReportKindValue, DocumentKind<ReportKindValue>]>) {
      this.bodies.set(kind, compile(def.template));
      this.render(kind, def.sample(), 'start-up check');
    }
  }

  /**
   * The document's HTML (its running header and footer are the page's margin boxes), carrying `marker` for the renderer
   * to check before printing. Every string of the view model is printed without direction controls (`withoutBidiControls`).
   */
  render(kind: ReportKindValue, vm: DocumentViewModel, marker: string): { html: string } {
    const body = this.bodies.get(kind);
    if (!body) throw new Error(`No template for report kind "${kind}"`);
    const context = { ...withoutBidiControls(vm), marker };
    const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
    return { html: body(context, runtime) };
  }
}
