import type { ReportHighlights } from './report-highlights';

/**
 * The email a scheduled report goes out in: HTML (real headings, tables with header cells, colours always named in
 * text, no images, so it reads well with images off and in a screen reader) and the same content as plain text.
 * Pure: the API uses it for "preview the email", the worker for every delivery.
 */
export interface ScheduleEmailInput {
  networkName: string;
  /** The network's brand colour (its profile), for the header band. */
  primaryColour: string;
  scheduleName: string;
  subject: string;
  message: string;
  recipientName: string;
  highlights: ReportHighlights;
  /** Attached: the file name; linked: the URL and its expiry. */
  document: { kind: 'attached'; fileName: string; sizeBytes: number | null } | { kind: 'link'; url: string; expiresOn: string; reason?: string };
  unsubscribeUrl: string;
  /** Why they receive it, e.g. "you are on the Commissioners list of the North Spinal Network". */
  reason: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const BRAND = /^#[0-9a-fA-F]{6}$/;

function contrastText(hex: string): string {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#212b32' : '#ffffff';
}

function size(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function defaultScheduleSubject(h: Pick<ReportHighlights, 'title' | 'networkName'>, period: string): string {
  return `${h.title}${period ? ` — ${period}` : ''} — ${h.networkName}`.slice(0, 200);
}

export function composeScheduleEmail(input: ScheduleEmailInput): ComposedEmail {
  const h = input.highlights;
  const e = escapeHtml;
  const brand = BRAND.test(input.primaryColour) ? input.primaryColour : '#005eb8';
  const brandText = contrastText(brand);
  const html: string[] = [];
  const text: string[] = [];

  html.push(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(input.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f0f4f5;font-family:Arial,Helvetica,sans-serif;color:#212b32;font-size:16px;line-height:1.5">`,
    `<div role="article" aria-roledescription="email" aria-label="${e(input.subject)}" style="max-width:640px;margin:0 auto;background:#ffffff">`,
    `<div style="background:${brand};color:${brandText};padding:16px 24px"><p style="margin:0;font-size:14px;font-weight:bold">${e(input.networkName)}</p></div>`,
    `<div style="padding:24px">`,
    `<h1 style="font-size:24px;margin:0 0 8px">${e(h.title)}</h1>`,
  );
  text.push(input.networkName, '', h.title);
  if (h.subtitle) {
    html.push(`<p style="margin:0 0 16px;color:#4c6272">${e(h.subtitle)}</p>`);
    text.push(h.subtitle);
  }
  text.push('');
  html.push(`<p>Dear ${e(input.recipientName)},</p>`);
  text.push(`Dear ${input.recipientName},`, '');
  if (input.message) {
    for (const para of input.message.split(/\n{2,}/)) {
      html.push(`<p>${e(para).replace(/\n/g, '<br>')}</p>`);
      text.push(para, '');
    }
  } else {
    const line = `Here is the latest ${h.title.toLowerCase()} from ${input.networkName}${h.generatedOn ? `, generated on ${h.generatedOn}` : ''}.`;
    html.push(`<p>${e(line)}</p>`);
    text.push(line, '');
  }

  if (h.facts.length || h.counts || h.topRisks.length) {
    html.push(`<h2 style="font-size:20px;margin:24px 0 8px">Key figures</h2>`);
    text.push('KEY FIGURES', '');
  }
  if (h.facts.length) {
    html.push(`<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">`);
    for (const f of h.facts) {
      html.push(
        `<tr><td style="padding:4px 16px 4px 0;color:#4c6272">${e(f.label)}</td><td style="padding:4px 0;font-weight:bold">${e(f.value)}</td></tr>`,
      );
      text.push(`${f.label}: ${f.value}`);
    }
    html.push(`</table>`);
    text.push('');
  }
  if (h.counts) {
    html.push(
      `<table style="border-collapse:collapse;width:100%;margin:0 0 16px"><caption style="text-align:left;font-weight:bold;padding:0 0 8px">${e(h.counts.heading)}</caption>`,
      `<thead><tr><th scope="col" style="text-align:left;border-bottom:2px solid #d8dde0;padding:6px">Status</th><th scope="col" style="text-align:right;border-bottom:2px solid #d8dde0;padding:6px">Count</th></tr></thead><tbody>`,
    );
    text.push(h.counts.heading);
    for (const c of h.counts.items) {
      html.push(
        `<tr><td style="padding:6px;border-bottom:1px solid #d8dde0"><span style="display:inline-block;padding:2px 8px;background:${c.colour};color:${c.textColour};font-weight:bold">${e(c.label)}</span></td>`,
        `<td style="padding:6px;border-bottom:1px solid #d8dde0;text-align:right;font-weight:bold">${c.count}</td></tr>`,
      );
      text.push(`  ${c.label}: ${c.count}`);
    }
    html.push(`</tbody></table>`);
    text.push('');
  }
  if (h.topRisks.length) {
    html.push(
      `<table style="border-collapse:collapse;width:100%;margin:0 0 16px"><caption style="text-align:left;font-weight:bold;padding:0 0 8px">Top risks</caption>`,
      `<thead><tr><th scope="col" style="text-align:left;border-bottom:2px solid #d8dde0;padding:6px">Risk</th><th scope="col" style="text-align:left;border-bottom:2px solid #d8dde0;padding:6px">Description</th><th scope="col" style="text-align:right;border-bottom:2px solid #d8dde0;padding:6px">Score</th></tr></thead><tbody>`,
    );
    text.push('Top risks');
    for (const r of h.topRisks) {
      html.push(
        `<tr><td style="padding:6px;border-bottom:1px solid #d8dde0;white-space:nowrap">${e(r.reference)}</td><td style="padding:6px;border-bottom:1px solid #d8dde0">${e(r.description)}</td>`,
        `<td style="padding:6px;border-bottom:1px solid #d8dde0;text-align:right">${e(r.score)}${r.band ? ` (${e(r.band)})` : ''}</td></tr>`,
      );
      text.push(`  ${r.reference} — ${r.description} — score ${r.score}${r.band ? ` (${r.band})` : ''}`);
    }
    html.push(`</tbody></table>`);
    text.push('');
  }

  html.push(`<h2 style="font-size:20px;margin:24px 0 8px">The report</h2>`);
  text.push('THE REPORT', '');
  if (input.document.kind === 'attached') {
    const line = `The report is attached as a PDF: ${input.document.fileName}${input.document.sizeBytes !== null ? ` (${size(input.document.sizeBytes)})` : ''}.`;
    html.push(`<p>${e(line)}</p>`);
    text.push(line);
  } else {
    if (input.document.reason) {
      html.push(`<p>${e(input.document.reason)}</p>`);
      text.push(input.document.reason);
    }
    html.push(
      `<p><a href="${e(input.document.url)}" style="display:inline-block;background:#007f3b;color:#ffffff;padding:12px 16px;font-weight:bold;text-decoration:none">Download the report (PDF)</a></p>`,
      `<p style="font-size:14px;color:#4c6272">The link works until ${e(input.document.expiresOn)} and needs no sign-in. Please do not forward it.</p>`,
    );
    text.push(
      `Download the report (PDF): ${input.document.url}`,
      `The link works until ${input.document.expiresOn} and needs no sign-in. Please do not forward it.`,
    );
  }
  text.push('');
  html.push(
    `</div><div style="padding:16px 24px;background:#e8edee;font-size:14px;color:#4c6272">`,
    `<p style="margin:0 0 8px">You receive “${e(input.scheduleName)}” because ${e(input.reason)}.</p>`,
    `<p style="margin:0"><a href="${e(input.unsubscribeUrl)}" style="color:#005eb8">Unsubscribe from this report</a> (other reports from ${e(input.networkName)} are not affected).</p>`,
    `</div></div></body></html>`,
  );
  text.push(
    '--',
    `You receive "${input.scheduleName}" because ${input.reason}.`,
    `Unsubscribe from this report: ${input.unsubscribeUrl} (other reports from ${input.networkName} are not affected).`,
  );
  return { subject: input.subject, html: html.join('\n'), text: text.join('\n') };
}
