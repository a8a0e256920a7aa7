/**
 * Moves keyboard and screen-reader focus to an element (made focusable for the purpose) and brings
 * it into view. Used for page headings after navigation, error summaries and banners.
 */
export function moveFocusTo(element: HTMLElement | null | undefined): boolean {
  if (!element) return false;
  if (!element.hasAttribute('tabindex') && !isNativelyFocusable(element)) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: false });
  return true;
}

function isNativelyFocusable(element: HTMLElement): boolean {
  return /^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName);
}

/** Focuses a form control by id and scrolls its label into view (what the NHS error summary does). */
export function focusField(id: string, document: Document): boolean {
  const control = document.getElementById(id);
  if (!control) return false;
  const label = document.querySelector<HTMLElement>(`label[for="${id}"]`);
  const legend = control.closest('fieldset')?.querySelector('legend');
  (label ?? legend ?? control).scrollIntoView?.();
  moveFocusTo(control);
  return true;
}
