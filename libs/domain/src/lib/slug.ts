export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 48;

/** True when the text can be a network's address in URLs (`east-midlands-mtn`). */
export function isValidSlug(value: string): boolean {
  return value.length >= 2 && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** Makes a slug from a name: "East Midlands Major Trauma Network" → "east-midlands-major-trauma-network". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
}
