/** Limits shared by the API (enforced) and the web app (shown and pre-checked). */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export const PASSWORD_MIN_LENGTH = 12;
