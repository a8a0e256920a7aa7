/**
 * The HTML of a scheduled email, made ready for the preview's `<iframe sandbox="" srcdoc>`.
 *
 * A srcdoc frame inherits the page's Content-Security-Policy, which refuses inline `style` attributes (the
 * way emails are styled) and any `<style>` without the page's nonce. So each element's `style` attribute
 * becomes a rule of one `<style nonce>` in the head, and the preview looks as the recipient will see it
 * without weakening the policy. Scripts and event handlers are dropped as well (the empty sandbox runs none
 * anyway), and links go nowhere: the preview's links are examples.
 */
export function emailPreviewDocument(html: string, nonce: string | null): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script, iframe, object, embed, link[rel="stylesheet"], meta[http-equiv]').forEach((el) => el.remove());
  const rules: string[] = [];
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
    }
    const style = el.getAttribute('style');
    if (style !== null) {
      const n = rules.length;
      el.removeAttribute('style');
      el.setAttribute('data-plx-style', String(n));
      rules.push(`[data-plx-style="${n}"]{${style.replace(/[<>{}]/g, '')}}`);
    }
  });
  doc.querySelectorAll('a[href]').forEach((a) => {
    a.setAttribute('title', `In the email this goes to ${a.getAttribute('href')}`);
    a.setAttribute('href', '#');
  });
  const sheet = doc.createElement('style');
  if (nonce) sheet.setAttribute('nonce', nonce);
  sheet.textContent = rules.join('\n');
  doc.head.appendChild(sheet);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
