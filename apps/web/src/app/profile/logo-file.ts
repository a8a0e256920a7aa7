import { LOGO_CONTENT_TYPES, LOGO_MAX_BYTES } from '@plexus/contracts';

/** "512 KB", "1.5 MB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Checks a chosen logo before it is sent; the API checks again. Null when the file will do. */
export function checkLogoFile(file: { type: string; size: number } | null | undefined): string | null {
  if (!file) return 'Choose a PNG or JPEG file for the logo';
  if (!(LOGO_CONTENT_TYPES as readonly string[]).includes(file.type)) return 'The logo must be a PNG or JPEG file';
  if (file.size === 0) return 'The chosen file is empty';
  if (file.size > LOGO_MAX_BYTES) return `The logo must be ${formatBytes(LOGO_MAX_BYTES)} or smaller`;
  return null;
}
