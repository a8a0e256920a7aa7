import Handlebars from 'handlebars';
import { FOOTER, HEADER, LAYOUT, PARTIALS, STYLES } from './templates/document.template';
import type { DocumentViewModel } from './view-models/view-model';

/** Handlebars compiled once per process, in an isolated environment (no global helpers or partials). */
export class TemplateEngine {
  private readonly hbs = Handlebars.create();
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly header: Handlebars.TemplateDelegate;
  private readonly footer: Handlebars.TemplateDelegate;

  constructor() {
    const opts = { strict: false, noEscape: false, knownHelpersOnly: false } as const;
    this.hbs.registerPartial('styles', this.hbs.compile(STYLES, opts));
    for (const [name, source] of Object.entries(PARTIALS)) this.hbs.registerPartial(name, this.hbs.compile(source, opts));
    this.layout = this.hbs.compile(LAYOUT, opts);
    this.header = this.hbs.compile(HEADER, opts);
    this.footer = this.hbs.compile(FOOTER, opts);
  }

  /** The document's HTML, carrying `marker` for the renderer to check before printing. */
  render(vm: DocumentViewModel, marker: string): { html: string; header: string; footer: string } {
    const context = { ...vm, marker };
    const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
    return { html: this.layout(context, runtime), header: this.header(context, runtime), footer: this.footer(context, runtime) };
  }
}
