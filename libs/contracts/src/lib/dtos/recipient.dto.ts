import { z } from 'zod';
import { email, prose, text } from '../fields';
import { id, timestamp } from './response-fields';

const required = (max: number, label: string) => text(max, label).min(1, { error: `Enter the ${label.toLowerCase()}` });

/**
 * A person who receives the network's reports by email (a commissioner at the ICB, NHS England specialised
 * commissioning…): no account needed. Their organisation is one of the network's member organisations (by id)
 * or free text — not both.
 */
export const recipientInputSchema = z
  .object({
    name: required(120, 'Name'),
    email: email(),
    /** One of the network's member organisations; null or omitted for none (then `organisationName` may name one). */
    organisationId: z.uuid({ error: 'Choose an organisation from the list' }).nullable().default(null),
    /** Free text, for an organisation that is not a member of the network. */
    organisationName: text(200, 'Organisation').default(''),
    /** Role or title, e.g. "Senior commissioning manager". */
    role: text(120, 'Role or title').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.organisationId && value.organisationName) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisationName'],
        message: 'Choose an organisation from the list or type one, not both',
      });
    }
  });
export type RecipientInput = z.input<typeof recipientInputSchema>;

export const recipientDtoSchema = z
  .object({
    id: id(),
    name: z.string(),
    email: z.string(),
    organisationId: id().nullable(),
    /** The member organisation's name when `organisationId` is set; otherwise the free text (may be empty). */
    organisationName: z.string(),
    role: z.string(),
    /** The distribution lists this recipient is in. */
    listIds: z.array(id()),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'Recipient', description: "A person who receives the network's reports by email; no account needed." });
export type RecipientDto = z.infer<typeof recipientDtoSchema>;

export const distributionListInputSchema = z.object({
  name: required(120, 'List name'),
  description: prose(1000, 'Description').default(''),
  /** The recipients in the list, all of this network. */
  recipientIds: z
    .array(z.uuid({ error: 'Choose recipients from the list' }))
    .max(500, { error: 'A list holds 500 recipients or fewer' })
    .default([]),
});
export type DistributionListInput = z.input<typeof distributionListInputSchema>;

export const distributionListDtoSchema = z
  .object({
    id: id(),
    name: z.string(),
    description: z.string(),
    /** Who is in the list, by name. */
    recipients: z.array(z.object({ id: id(), name: z.string(), email: z.string() })),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'DistributionList', description: 'A named list of recipients that reports can be sent to.' });
export type DistributionListDto = z.infer<typeof distributionListDtoSchema>;
