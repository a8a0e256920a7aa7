/**
 * The HTML of a scheduled email, made ready for the preview's `<iframe sandbox="" srcdoc>`.
 *
 * A srcdoc frame inherits the page's Content-Security-Policy, which refuses inline `style` attributes (the
 * way emails are styled) and any `<style>` without the page's nonce. So each element's `style` attribute
 * becomes a rule of one `<style nonce>` in the head, and the preview looks as the recipient will see it
 * without weakening the policy. Scripts and event handlers are dropped as well (the empty sandbox runs none
 * anyway), and links go nowhere: the preview's links are examples.
 *
 * This works on the text, not through DOMParser: a document parsed in the page inherits its policy too, and
 * parsing the style attributes there would itself be reported as a violation. The email is composed by the
 * API with every attribute in double quotes and all text escaped (`"` is `&quot;`), so ` style="…"` only
 * ever matches an attribute.
 */
export function emailPreviewDocument(html: string, nonce: string | null): string {
  const rules: string[] = [];
  const decode = (value: string) =>
    value
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  let doc = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(iframe|object|embed)\b[\s\S]*?(<\/\1\s*>|\/?>)/gi, '')
    // Inside each tag (text is escaped, so a `<` always starts one): handlers out, styles to rules, links to nowhere.
    .replace(/<[a-z][^>]*>/gi, (tag) =>
      tag
        .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/\sstyle="([^"]*)"/gi, (_match, css: string) => {
          const n = rules.length;
          rules.push(`[data-plx-style="${n}"]{${decode(css).replace(/[<>{}]/g, '')}}`);
          return ` data-plx-style="${n}"`;
        })
        .replace(
          /^(<a\b[^>]*?)\shref="([^"]*)"/i,
          (_match, start: string, href: string) => `${start} href="#" title="In the email this goes to ${href}"`,
        ),
    );
  const sheet = `<style${nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, '')}"` : ''}>\n${rules.join('\n')}\n</style>`;
  doc = /<\/head\s*>/i.test(doc) ? doc.replace(/<\/head\s*>/i, `${sheet}</head>`) : `${sheet}${doc}`;
  return doc;
}
