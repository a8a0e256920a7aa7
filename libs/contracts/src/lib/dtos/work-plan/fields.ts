import { z } from 'zod';
import { isoDate as dateField, prose, text, type DateFieldOptions } from '../../fields';

/** Small field schemas shared by the work-plan requests. Messages are written for the person filling the form. */
export const isoDate = (label: string, options: DateFieldOptions = {}) => dateField(label, { example: '2024-03-31', ...options });

export { prose, text };

export const requiredText = (max: number, label: string, missing: string) => text(max, label).min(1, { error: missing });
export const requiredProse = (max: number, label: string, missing: string) => prose(max, label).min(1, { error: missing });

/** A list of short texts (measures of success, steps): blank lines are dropped. */
export const textList = (label: string, maxItems: number) =>
  z
    .array(prose(1000, label), { error: `${label} must be a list` })
    .max(maxItems, { error: `List ${maxItems} or fewer` })
    .transform((list) => list.filter((entry) => entry.length > 0));

/** Needed once the board has approved the plan: every change is tracked with its reason. */
export const reasonField = prose(2000, 'The reason').optional();
