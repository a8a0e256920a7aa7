import { z } from 'zod';
import { isoDate, prose, text } from '../../fields';
import { REPORT_KINDS, REPORT_STATUSES } from '../report.dto';
import { day, id, timestamp } from '../response-fields';

// The network board's meetings (issue 10, item 1): date, time, place or link, and the agenda in order, each item
// optionally linked to its paper in the document library.

/** A board meeting's day lies in this range (the database checks it too). */
export const BOARD_MEETING_DATE_MIN = '2000-01-01';
export const BOARD_MEETING_DATE_MAX = '2100-12-31';
/** Items on one meeting's agenda, at most. */
export const BOARD_AGENDA_MAX_ITEMS = 100;
export const BOARD_MEETING_DEFAULT_TITLE = 'Network Board';

/** `HH:MM`, 24-hour, UK time. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const required = (max: number, label: string, missing: string) => text(max, label).min(1, { error: missing });

export const boardMeetingInputSchema = z.object({
  /** The meeting's name, e.g. "Network Board" (the default) or "Network Board (extraordinary)". */
  title: required(200, 'Title', 'Enter the meeting’s title, like Network Board').default(BOARD_MEETING_DEFAULT_TITLE),
  meetingDate: isoDate('meeting date', { example: '2026-06-11' }).refine((v) => v >= BOARD_MEETING_DATE_MIN, {
    error: `The meeting date must be between ${BOARD_MEETING_DATE_MIN.slice(0, 4)} and ${BOARD_MEETING_DATE_MAX.slice(0, 4)}`,
  }),
  /** Start time, `HH:MM` (24-hour, UK time); null or omitted when not set. */
  startsAt: z
    .string({ error: 'Enter the start time as a 24-hour time, like 14:00' })
    .regex(TIME_OF_DAY, { error: 'Enter the start time as a 24-hour time, like 14:00' })
    .nullable()
    .default(null),
  /** Where: a place, or a link to join. */
  location: text(500, 'Place or link').default(''),
  notes: prose(4000, 'Notes').default(''),
});
export type BoardMeetingInput = z.input<typeof boardMeetingInputSchema>;

export const boardAgendaItemInputSchema = z.object({
  title: required(300, 'Item title', 'Enter the item’s title'),
  /** Who presents it: a name or a role. */
  presenter: text(200, 'Presenter').default(''),
  /** Time allowed, in minutes (1–600); null or omitted when not set. */
  durationMinutes: z
    .number({ error: 'Enter the time allowed as a number of minutes' })
    .int({ error: 'Enter the time allowed as a whole number of minutes' })
    .min(1, { error: 'The time allowed must be at least 1 minute' })
    .max(600, { error: 'The time allowed must be 600 minutes (10 hours) or fewer' })
    .nullable()
    .default(null),
  /** The paper: a document of this network's library; null or omitted for none. */
  documentId: z.uuid({ error: 'Choose a paper from the document library' }).nullable().default(null),
});
export type BoardAgendaItemInput = z.input<typeof boardAgendaItemInputSchema>;

/** The agenda's new order: every item of the meeting, each once. Applied whole or not at all. */
export const boardAgendaOrderSchema = z.object({
  agendaItemIds: z
    .array(z.uuid({ error: 'List the agenda items by their ids' }), { error: 'List the agenda items in their new order' })
    .max(BOARD_AGENDA_MAX_ITEMS, { error: `An agenda holds ${BOARD_AGENDA_MAX_ITEMS} items at most` }),
});
export type BoardAgendaOrderInput = z.input<typeof boardAgendaOrderSchema>;

const meetingFields = {
  id: id(),
  title: z.string(),
  meetingDate: day(),
  startsAt: z.string().nullable().describe('Start time, HH:MM (24-hour, UK time), or null.'),
  location: z.string().describe('A place, or a link to join.'),
};

export const boardMeetingSummaryDtoSchema = z
  .object({
    ...meetingFields,
    itemCount: z.number().int().min(0),
    paperCount: z.number().int().min(0).describe('Agenda items with a paper linked.'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'BoardMeetingSummary', description: 'A board meeting as the list shows it.' });
export type BoardMeetingSummaryDto = z.infer<typeof boardMeetingSummaryDtoSchema>;

export const boardMeetingListDtoSchema = z
  .object({
    asOf: day().describe('Today in UK time: meetings from this day on are upcoming.'),
    upcoming: z.array(boardMeetingSummaryDtoSchema).describe('Today’s and later meetings, soonest first.'),
    past: z.array(boardMeetingSummaryDtoSchema).describe('Earlier meetings, most recent first.'),
    can: z.object({ manage: z.boolean() }).describe('What the caller may do: keep meetings (managers).'),
  })
  .meta({ id: 'BoardMeetingList', description: "The network board's meetings: upcoming, then past." });
export type BoardMeetingListDto = z.infer<typeof boardMeetingListDtoSchema>;

export const boardPaperDtoSchema = z
  .object({
    id: id(),
    title: z.string(),
    kind: z.enum(REPORT_KINDS),
    status: z.enum(REPORT_STATUSES),
    downloadUrl: z.string().nullable().describe('Relative URL of the PDF once ready.'),
  })
  .meta({ id: 'BoardPaper', description: 'The document of the library an agenda item is linked to.' });
export type BoardPaperDto = z.infer<typeof boardPaperDtoSchema>;

export const boardAgendaItemDtoSchema = z
  .object({
    id: id(),
    position: z.number().int().min(1).describe('1 for the first item.'),
    title: z.string(),
    presenter: z.string(),
    durationMinutes: z.number().int().nullable(),
    documentId: id().nullable(),
    paper: boardPaperDtoSchema.nullable(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'BoardAgendaItem', description: "One item of a board meeting's agenda, with its paper if one is linked." });
export type BoardAgendaItemDto = z.infer<typeof boardAgendaItemDtoSchema>;

export const boardPackDtoSchema = z
  .object({
    id: id(),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    progress: z.number().int().min(0).max(100).describe('0–100 while rendering.'),
    failureReason: z.string().nullable(),
    pageCount: z.number().int().min(0).nullable(),
    requestedAt: timestamp(),
    downloadUrl: z.string().nullable().describe('Relative URL of the PDF once ready.'),
  })
  .meta({ id: 'BoardPack', description: "A board pack generated from a meeting: one PDF of the meeting's front page, agenda, contents and papers." });
export type BoardPackDto = z.infer<typeof boardPackDtoSchema>;

export const boardMeetingDtoSchema = z
  .object({
    ...meetingFields,
    notes: z.string(),
    isPast: z.boolean().describe('Before today (UK time).'),
    agenda: z.array(boardAgendaItemDtoSchema).describe('In order.'),
    pack: boardPackDtoSchema.nullable().describe('The latest board pack generated from this meeting, if any.'),
    can: z.object({ manage: z.boolean() }).describe('What the caller may do: change the meeting and its agenda, generate its pack (managers).'),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'BoardMeeting', description: 'A board meeting with its agenda and papers.' });
export type BoardMeetingDto = z.infer<typeof boardMeetingDtoSchema>;
