import { textProblem } from './text';

/** Any UUID (the ids the API hands out). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Longest path segment worth looking up (slugs are shorter, invite tokens about 43 characters). */
export const PATH_SEGMENT_MAX = 200;

/**
 * Why a path parameter cannot be used, or null. Parameters named `…Id` must be UUIDs; every parameter
 * (network slugs, invite tokens) is refused if it holds characters no text field may hold. A well-formed
 * value that matches nothing is for the route to answer (404).
 */
export function pathParamProblem(name: string, value: string): string | null {
  const problem = textProblem(value);
  if (problem) return `The ${name} in the address ${problem}`;
  if (value.length > PATH_SEGMENT_MAX) return `The ${name} in the address must be ${PATH_SEGMENT_MAX} characters or fewer`;
  if (/Id$/.test(name) && !UUID_PATTERN.test(value))
    return `The ${name} in the address must be a record id (a UUID, like 6f1c2b1e-0000-4000-8000-000000000001)`;
  return null;
}
