import { z } from 'zod';

// Building blocks of the response schemas. Every response schema is checked against what the API really sends
// (in tests) and feeds the OpenAPI document, so what is written here is what a client gets.

/** A record id the API hands out (a UUID). */
export const id = () => z.guid();
/** An instant, as `Date#toISOString()` writes it: `2026-03-31T09:30:00.000Z`. */
export const timestamp = () => z.iso.datetime();
/** A calendar day, `YYYY-MM-DD`. */
export const day = () => z.iso.date();
/** A person as a record names them: a member's user id (null when not a member, or since removed) and a name. */
export const personRef = () => z.object({ userId: id().nullable(), name: z.string() });
/** `{ from, to }` of one changed field: any JSON value on either side. */
export const fieldChangeDtoSchema = z
  .object({ from: z.unknown(), to: z.unknown() })
  .meta({ id: 'FieldChange', description: 'One changed field: its value before and after.' });
export const fieldChanges = () => z.record(z.string(), fieldChangeDtoSchema);
