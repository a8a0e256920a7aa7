import { z } from 'zod';

/** Small field schemas shared by the work-plan requests. Messages are written for the person filling the form. */
export const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${label} as a date, like 2024-03-31` })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      error: `The ${label} is not a real date`,
    });

export const text = (max: number, label: string) =>
  z.string({ error: `${label} must be text` }).trim().max(max, { error: `${label} must be ${max} characters or fewer` });

export const requiredText = (max: number, label: string, missing: string) => text(max, label).min(1, { error: missing });

/** A list of short texts (measures of success, steps): blank lines are dropped. */
export const textList = (label: string, maxItems: number) =>
  z
    .array(text(1000, label), { error: `${label} must be a list` })
    .max(maxItems, { error: `List ${maxItems} or fewer` })
    .transform((list) => list.filter((entry) => entry.length > 0));

/** Needed once the board has approved the plan: every change is tracked with its reason. */
export const reasonField = text(2000, 'The reason').optional();
