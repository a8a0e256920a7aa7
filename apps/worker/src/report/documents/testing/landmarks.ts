/** What a reader finds in a rendered document's HTML: its headings, contents entries and tables (for the kinds' specs). */
export interface Landmarks {
  title: string;
  h1: string[];
  h2: string[];
  h3: string[];
  contents: Array<{ href: string; text: string }>;
  sectionIds: string[];
  /** Each table's header cells. */
  tables: string[][];
}

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const all = (html: string, re: RegExp) => [...html.matchAll(re)];

export function landmarks(html: string): Landmarks {
  return {
    title: text(all(html, /<title>([\s\S]*?)<\/title>/g)[0]?.[1] ?? ''),
    h1: all(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/g).map((m) => text(m[1])),
    h2: all(html, /<h2\b[^>]*>([\s\S]*?)<\/h2>/g).map((m) => text(m[1])),
    h3: all(html, /<h3\b[^>]*>([\s\S]*?)<\/h3>/g).map((m) => text(m[1])),
    contents: all(html, /<a class="toc" href="([^"]*)">([\s\S]*?)<\/a>/g).map((m) => ({ href: m[1], text: text(m[2]) })),
    sectionIds: all(html, /<h2 class="section" id="([^"]+)"/g).map((m) => m[1]),
    tables: all(html, /<table\b[^>]*>([\s\S]*?)<\/table>/g).map((m) =>
      all(all(m[1], /<thead>([\s\S]*?)<\/thead>/g)[0]?.[1] ?? '', /<th\b[^>]*>([\s\S]*?)<\/th>/g).map((c) => text(c[1])),
    ),
  };
}
