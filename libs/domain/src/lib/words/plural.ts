/**
 * A count with its noun, singular or plural as the number needs: `plural(1, 'theme')` → "1 theme", `plural(2, 'theme')`
 * → "2 themes", `plural(0, 'criterion', 'criteria')` → "0 criteria". The one helper the web app, the API and the PDFs use.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`;
}

/** The noun alone, for sentences that put the number elsewhere: `noun(1, 'risk')` → "risk". */
export function noun(count: number, one: string, many = `${one}s`): string {
  return Math.abs(count) === 1 ? one : many;
}
