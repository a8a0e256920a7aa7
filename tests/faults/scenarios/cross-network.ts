import { can, type Permission } from '@plexus/domain';
import { documentForm, pdfBytes } from '../../support/documents';
import { HttpClient } from '../../support/http-client';
import { waitFor } from '../stack';
import { SPINAL, TRAUMA, type Row, type Scenario } from '../suite';

/**
 * The cross-network sweep (issue 15): every route and method of the served OpenAPI document, asked by Northern Spinal's
 * managers with East Midlands Major Trauma's ids in the path, in the body and in the query. 0 leaks: no 2xx to a write
 * that names another network's record, no answer that carries its ids or its distinctive words, no 5xx, and nothing of
 * trauma's changes. A last row does the same between member organisations: a contributor and peer review submissions.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
};
interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Op {
  verb: string;
  template: string;
  key: string;
  op: Operation;
  json: Schema | undefined;
  multipart: boolean;
}

/** The kinds of record an id can name. */
const KINDS = [
  'network',
  'plan',
  'theme',
  'objective',
  'item',
  'risk',
  'document',
  'member',
  'invite',
  'user',
  'organisation',
  'leadershipRole',
  'auditEvent',
  'change',
  'recipient',
  'list',
  'meeting',
  'earlierMeeting',
  'agendaItem',
  'standardSet',
  'standardVersion',
  'standardSection',
  'criterion',
  'schedule',
  'link',
  'cycle',
  'activity',
  'submission',
  'file',
  'annualReport',
  'standardSetVersion',
  'assessmentActivity',
  'selfAssessment',
  'assessedCriterion',
  'evidenceFile',
  'review',
  'finding',
  'action',
  'nudgeRound',
] as const;
type Kind = (typeof KINDS)[number];
type Ids = Record<Kind, string[]>;

/**
 * Name → kind: the end of a field's name without `Id`/`Ids` (`mitigationLeadUserId` → user, `linkedWorkItemIds` → item);
 * an `id` inside a list takes its list's name (`memberOrganisations[].id` → organisation). `entityId` names any kind.
 */
const KIND_BY_SUFFIX: Array<[string, Kind]> = [
  // Before `item`: an agenda item is not a work item.
  ['agendaitem', 'agendaItem'],
  ['item', 'item'],
  ['user', 'user'],
  ['organisation', 'organisation'],
  ['role', 'leadershipRole'],
  ['theme', 'theme'],
  ['objective', 'objective'],
  ['plan', 'plan'],
  ['risk', 'risk'],
  ['document', 'document'],
  ['member', 'member'],
  ['invite', 'invite'],
  ['network', 'network'],
  ['recipient', 'recipient'],
  ['list', 'list'],
  // A progress report's "since the last board" compares from a meeting held before the one it compares with: its own
  // control takes an earlier meeting, so that a record keeping both (a schedule's report) stays valid.
  ['sincemeeting', 'earlierMeeting'],
  ['meeting', 'meeting'],
  // Standard sets: {standardSetId}, {standardVersionId}; a section or criterion by that name alone (sectionIds, criterionId).
  // A self-assessment activity's version (a published one: `standardSetVersionId`), before the set itself.
  ['standardsetversion', 'standardSetVersion'],
  ['standardset', 'standardSet'],
  ['standardversion', 'standardVersion'],
  ['section', 'standardSection'],
  // A criterion a self-assessment answers ({assessedCriterionId}), before any criterion.
  ['assessedcriterion', 'assessedCriterion'],
  ['criterion', 'criterion'],
  ['schedule', 'schedule'],
  ['link', 'link'],
  ['cycle', 'cycle'],
  // Before `activity`: {selfAssessmentActivityId} is a self-assessment activity (with its standard set version).
  ['selfassessmentactivity', 'assessmentActivity'],
  ['selfassessment', 'selfAssessment'],
  ['activity', 'activity'],
  ['submission', 'submission'],
  // A self-assessment's evidence file, before a submission's file.
  ['evidencefile', 'evidenceFile'],
  ['file', 'file'],
  ['annualreport', 'annualReport'],
  // Peer review reports and action plans: {reviewId}, {findingId}, {actionId}.
  ['review', 'review'],
  ['finding', 'finding'],
  ['action', 'action'],
  // Nudge rounds: {roundId}.
  ['round', 'nudgeRound'],
];
/** Query parameters that refer to people or records without ending in `Id`. */
const QUERY_KINDS: Record<string, 'person' | 'text' | 'auditCursor'> = { lead: 'person', q: 'text', before: 'auditCursor' };

const RECURRENCE = { kind: 'first_working_day', time: '07:00' };

/** Bodies the schema alone cannot make right: the swept member stays a viewer, invites are for viewers. */
const KNOWN_BODIES: Record<string, Record<string, unknown>> = {
  'PATCH /api/networks/{network}/members/{memberId}': { role: 'viewer' },
  'POST /api/networks/{network}/invites': { role: 'viewer' },
  // List names are unique per network: the POST's control made "Cross-network sweep" already.
  'PUT /api/networks/{network}/distribution-lists/{listId}': { name: 'Cross-network sweep list (renamed)' },
  // A recurrence the schema's first variant cannot make (its time is free text the domain checks); no ids in it.
  'POST /api/networks/{network}/schedules': { recurrence: RECURRENCE },
  'PUT /api/networks/{network}/schedules/{scheduleId}': { recurrence: RECURRENCE },
  'POST /api/networks/{network}/schedules/preview-email': { recurrence: RECURRENCE },
  'POST /api/networks/{network}/schedules/preview-times': { recurrence: RECURRENCE },
  // Financial years are checked by the domain (a refinement the schema does not show); cycle names are unique per network.
  'POST /api/networks/{network}/peer-review/cycles': { name: 'Cross-network sweep cycle (control)', firstFy: '2024/25', lastFy: '2024/25' },
  'PUT /api/networks/{network}/peer-review/cycles/{cycleId}': { firstFy: '2024/25', lastFy: '2025/26', status: 'active' },
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/activities': { fy: '2024/25', quarter: 1, title: 'Cross-network sweep activity' },
  'PUT /api/networks/{network}/peer-review/activities/{activityId}': { fy: '2024/25', quarter: 1, title: 'Cross-network sweep activity' },
  // Peer review actions name an owner; findings are an immediate risk about a theme (a criterion is swept on its own).
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/actions': { ownerName: 'Cross-network sweep owner' },
  'PUT /api/networks/{network}/peer-review/actions/{actionId}': { ownerName: 'Cross-network sweep owner' },
  'POST /api/networks/{network}/peer-review/reviews/{reviewId}/findings': {
    classification: 'immediate_risk',
    theme: 'Cross-network sweep',
    text: 'Cross-network sweep finding',
  },
  // One annual report per financial year: the control makes 2031/32's.
  'POST /api/networks/{network}/annual-reports': { fy: '2031/32' },
  // A review done at a board meeting is dated that meeting's day: the sweep's own meeting is on 11 June 2026.
  'POST /api/networks/{network}/risks/{riskId}/reviews': { reviewedOn: '2026-06-11' },
  // Dates of progress are not in the future; a finding raised to the register stays an immediate risk.
  'POST /api/networks/{network}/peer-review/actions/{actionId}/progress': {
    on: '2026-01-05',
    status: 'on_track',
    narrative: 'Cross-network sweep progress',
  },
  'PUT /api/networks/{network}/peer-review/findings/{findingId}': {
    classification: 'immediate_risk',
    theme: 'Cross-network sweep',
    text: 'Cross-network sweep finding',
  },
};

/**
 * Id fields whose records are not in this build yet, so another network's id cannot be refused: each with why and what
 * changes it. Listed in the row (never silently skipped); the feature that brings the records removes its entry.
 */
const PENDING_ID_FIELDS: Record<string, string> = {};

/**
 * What a body has unless the sweep puts an id there itself: a schedule names at least one recipient or list, so its
 * writes name the network's own list — and a probe of `listIds` replaces it (the probed id alone is then the answer's subject).
 */
const underneath = (own: Partial<Record<Kind, string>>): Record<string, Record<string, unknown>> =>
  Object.fromEntries(
    [
      'POST /api/networks/{network}/schedules',
      'PUT /api/networks/{network}/schedules/{scheduleId}',
      'POST /api/networks/{network}/schedules/preview-email',
    ].map((key) => [key, { listIds: [own.list] }]),
  );

/** Where a member's organisation is only a tie (membership, invite) or the network's own list of them: not records owned. */
const ORGANISATION_TIES = new Set([
  'PATCH /api/networks/{network}/members/{memberId}',
  'POST /api/networks/{network}/invites',
  'PUT /api/networks/{network}/profile',
  // A recipient's organisation says where they work: no organisation owns the recipient, and contributors cannot write them.
  'POST /api/networks/{network}/recipients',
  'PUT /api/networks/{network}/recipients/{recipientId}',
]);

/** Route parameters naming a record one member organisation owns: a contributor reaches their own, never another's. */
const ORGANISATION_OWNED_PARAMS = new Set(['submissionId', 'selfAssessmentId', 'reviewId', 'findingId', 'actionId']);

/** Permissions that only read: a contributor holding them owns no records (the fourth row). */
const READ_ONLY = new Set<Permission>(['network.read', 'reports.read']);

/** Every permission (a Record, so that a new one fails the type-check until it is listed here). */
const PERMISSIONS: Record<Permission, true> = {
  'network.read': true,
  'reports.read': true,
  'profile.edit': true,
  'members.manage': true,
  'audit.read': true,
  'plan.edit': true,
  'plan.progress': true,
  'risk.edit': true,
  'risk.review': true,
  'reports.generate': true,
  'recipients.manage': true,
  'schedules.manage': true,
  'board.manage': true,
  'nudges.manage': true,
  'standards.manage': true,
  'peer-review.manage': true,
  'peer-review.submit': true,
};

/** Strings under these keys are a record's own words (titles, names, descriptions): distinctive when the other network lacks them. */
const CONTENT_KEYS = new Set([
  'name',
  'title',
  'displayName',
  'personName',
  'description',
  'work',
  'narrative',
  'email',
  'purpose',
  'vision',
  'reference',
  'subjectLabel',
  'mitigation',
  'outcome',
  'approvalNote',
  'location',
  'presenter',
  'text',
  'evidenceExpected',
]);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

const isIdName = (name: string, parent?: string) => /[a-z]Ids?$/.test(name) || (name === 'id' && parent !== undefined);

function idKind(name: string, parent?: string): Kind | 'entity' | null {
  const base = (name === 'id' ? (parent ?? '').replace(/s$/, '') : name.replace(/Ids?$/, '')).toLowerCase();
  if (base === 'entity') return 'entity';
  // A self-assessment's answers name criteria of its own standard set version.
  if (parent === 'answers' && base === 'criterion') return 'assessedCriterion';
  return KIND_BY_SUFFIX.find(([suffix]) => base.endsWith(suffix.toLowerCase()))?.[1] ?? null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const emptyIds = (): Ids => Object.fromEntries(KINDS.map((k) => [k, [] as string[]])) as Ids;

class Tally {
  requests = 0;
  readonly statuses = new Map<number, number>();
  add(status: number): void {
    this.requests++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  get summary(): string {
    return [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${n}×${s}`)
      .join(', ');
  }
}

/** What one network holds, read through its lists as one of its managers. */
interface Harvest {
  ids: Ids;
  people: Array<{ userId: string; name: string }>;
  texts: Array<{ key: string; raw: string }>;
  auditEvents: Array<{ id: string; occurredAt: string }>;
  members: Array<{ id: string; userId: string; email: string; role: string; organisationId: string | null }>;
  lists: Record<string, unknown>;
  corpus: string;
}

async function harvest(client: HttpClient, base: string): Promise<Harvest> {
  const lists: Record<string, unknown> = {};
  const read = async (path: string): Promise<any> => {
    const res = await client.get(base + path);
    if (res.status !== 200) throw new Error(`reading ${base}${path} answered ${res.status}`);
    lists[path] = res.body;
    return res.body;
  };
  const profile = await read('/profile');
  const members = await read('/members');
  const invites = await read('/invites');
  const risks = await read('/risks?status=all');
  for (const r of risks) await read(`/risks/${r.id}`);
  const reports = await read('/reports');
  const audit = await read('/audit?limit=200');
  await read('/work-plan/people');
  const recipients = await read('/recipients');
  const distributionLists = await read('/distribution-lists');
  const board = await read('/board/meetings');
  const meetings = [...board.upcoming, ...board.past];
  const agendaItems: string[] = [];
  for (const m of meetings) agendaItems.push(...(await read(`/board/meetings/${m.id}`)).agenda.map((i: { id: string }) => i.id));
  // Standard sets: the network's own and the national ones (which both networks read, so never foreign).
  const standardSets = (await read('/standards/sets')).sets as Array<{ id: string; versions: Array<{ id: string }> }>;
  const standardVersions = standardSets.flatMap((set) => set.versions.map((v) => v.id));
  const standardSections: string[] = [];
  const criteria: string[] = [];
  for (const versionId of standardVersions) {
    const version = await read(`/standards/versions/${versionId}`);
    for (const section of version.sections as Array<{ id: string; criteria: Array<{ id: string }> }>) {
      standardSections.push(section.id);
      criteria.push(...section.criteria.map((c) => c.id));
    }
  }
  const schedules = await read('/schedules');
  const deliveryLog = await read('/delivery-log');
  const nudgeRounds = (await read('/nudges/rounds')).rounds as Array<{ id: string }>;
  const cycles = (await read('/peer-review/cycles')).cycles as Array<{ id: string }>;
  const activities: string[] = [];
  const submissions: string[] = [];
  const files: string[] = [];
  const assessmentActivities: string[] = [];
  const selfAssessments: string[] = [];
  const evidenceFiles: string[] = [];
  const reviews: string[] = [];
  const findings: string[] = [];
  const actions: string[] = [];
  for (const c of cycles) {
    const plan = (await read(`/peer-review/cycles/${c.id}`)).activities as Array<{ id: string; kind: string }>;
    activities.push(...plan.map((a) => a.id));
    assessmentActivities.push(...plan.filter((a) => a.kind === 'self_assessment').map((a) => a.id));
    for (const sa of (await read(`/peer-review/cycles/${c.id}/self-assessments`)).items as Array<{ id: string | null }>) {
      if (!sa.id) continue;
      selfAssessments.push(sa.id);
      const detail = await read(`/peer-review/self-assessments/${sa.id}`);
      for (const section of detail.sections as Array<{ criteria: Array<{ files: Array<{ id: string }> }> }>) {
        for (const criterion of section.criteria) evidenceFiles.push(...criterion.files.map((f) => f.id));
      }
    }
    for (const o of (await read(`/peer-review/cycles/${c.id}/reviews`)).organisations as Array<{ report: { id: string } | null }>) {
      if (!o.report) continue;
      reviews.push(o.report.id);
      findings.push(...((await read(`/peer-review/reviews/${o.report.id}`)).findings as Array<{ id: string }>).map((f) => f.id));
    }
    actions.push(...((await read(`/peer-review/cycles/${c.id}/actions`)).items as Array<{ id: string }>).map((x) => x.id));
    for (const sub of (await read(`/peer-review/cycles/${c.id}/submissions`)).items as Array<{ id: string; latestFile: { id: string } | null }>) {
      submissions.push(sub.id);
      if (sub.latestFile) files.push(sub.latestFile.id);
    }
  }
  const plans = await read('/work-plan/plans');
  const ids = emptyIds();
  for (const plan of plans) {
    const detail = await read(`/work-plan/plans/${plan.id}`);
    for (const theme of detail.themes) {
      ids.theme.push(theme.id);
      for (const o of theme.objectives) ids.objective.push(o.id);
    }
    ids.item.push(...(await read(`/work-plan/plans/${plan.id}/items`)).items.map((i: { id: string }) => i.id));
    ids.change.push(...(await read(`/work-plan/plans/${plan.id}/changes`)).map((c: { id: string }) => c.id));
  }
  const idsOf = (list: Array<{ id: string }>) => list.map((x) => x.id);
  Object.assign(ids, {
    network: [profile.networkId],
    organisation: idsOf(profile.memberOrganisations),
    leadershipRole: idsOf(profile.leadershipRoles),
    member: idsOf(members),
    user: members.map((m: { userId: string }) => m.userId),
    invite: idsOf(invites),
    risk: idsOf(risks),
    document: idsOf(reports),
    plan: idsOf(plans),
    auditEvent: idsOf(audit.items),
    recipient: idsOf(recipients),
    list: idsOf(distributionLists),
    meeting: idsOf(meetings),
    earlierMeeting: idsOf(meetings),
    agendaItem: agendaItems,
    standardSet: idsOf(standardSets),
    standardVersion: standardVersions,
    standardSection: standardSections,
    criterion: criteria,
    schedule: idsOf(schedules),
    link: (deliveryLog.deliveries as Array<{ link: { id: string } | null }>).flatMap((d) => (d.link ? [d.link.id] : [])),
    cycle: idsOf(cycles),
    activity: activities,
    submission: submissions,
    file: files,
    standardSetVersion: standardVersions,
    assessmentActivity: assessmentActivities,
    selfAssessment: selfAssessments,
    assessedCriterion: criteria,
    evidenceFile: evidenceFiles,
    review: reviews,
    finding: findings,
    action: actions,
    nudgeRound: idsOf(nudgeRounds),
  });
  const texts: Harvest['texts'] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (CONTENT_KEYS.has(key) && v.trim().length >= 6) texts.push({ key, raw: v });
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(lists);
  return {
    ids,
    people: members.map((m: { userId: string; displayName: string }) => ({ userId: m.userId, name: m.displayName })),
    texts,
    auditEvents: audit.items,
    members,
    lists,
    corpus: JSON.stringify(lists),
  };
}

/** The lists as compared before and after (`asOf`, the day they were worked out for, aside). */
const snapshot = (h: Harvest) =>
  Object.fromEntries(Object.entries(h.lists).map(([k, v]) => [k, JSON.stringify(v, (key, x) => (key === 'asOf' ? undefined : x))]));

function changedLists(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}

/** The other network as seen from this one: its ids and words that this one does not also hold. */
class Foreign {
  readonly ids: Set<string>;
  readonly strings: Array<{ key: string; raw: string; json: string }>;
  readonly sample: Ids;
  readonly people: Array<{ userId: string; name: string }>;

  constructor(
    readonly theirs: Harvest,
    ours: Harvest,
    extra: string[],
  ) {
    this.ids = new Set([...theirs.corpus.matchAll(UUID)].map(([id]) => id).filter((id) => !ours.corpus.includes(id)));
    const seen = new Set<string>();
    this.strings = [...extra.map((raw) => ({ key: 'slug', raw })), ...theirs.texts]
      .map((t) => ({ ...t, json: JSON.stringify(t.raw).slice(1, -1) }))
      .filter((t) => !ours.corpus.includes(t.json) && !seen.has(t.raw) && seen.add(t.raw));
    this.sample = Object.fromEntries(KINDS.map((k) => [k, theirs.ids[k].filter((id) => this.ids.has(id))])) as Ids;
    this.people = theirs.people.filter((p) => this.ids.has(p.userId) && !ours.corpus.includes(JSON.stringify(p.name)));
  }

  /** The other network's ids and words in a response, leaving out what the request itself sent. */
  leaks(body: unknown, sent: string[]): { found: string[]; echoed: boolean } {
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('latin1') : JSON.stringify(body ?? null);
    const found = new Set<string>();
    let echoed = false;
    for (const [id] of text.matchAll(UUID)) {
      if (sent.some((s) => s.includes(id))) echoed = true;
      else if (this.ids.has(id)) found.add(id);
    }
    for (const s of this.strings) {
      if (!text.includes(s.json) && !text.includes(s.raw)) continue;
      if (sent.some((v) => v.includes(s.raw))) echoed = true;
      else found.add(s.raw);
    }
    return { found: [...found], echoed };
  }
}

type Step = { prop: string } | { item: true } | { variant: number };
interface IdField {
  steps: Step[];
  name: string;
  parent?: string;
  kind: Kind | 'entity' | null;
  many: boolean;
  label: string;
}

/** Request bodies from the OpenAPI schemas: required fields only, the caller's own ids in id fields. */
class Bodies {
  private seq = 0;
  constructor(
    private readonly doc: OpenApi,
    private readonly own: Partial<Record<Kind, string>>,
  ) {}

  resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++) s = this.doc.components?.schemas?.[s.$ref.split('/').pop() as string] ?? {};
    return s;
  }

  private variants(s: Schema): Schema[] {
    return s.oneOf ?? s.anyOf ?? [];
  }

  private type(s: Schema): string | undefined {
    const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
    return t ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  }

  private holdsIds(schema: Schema | undefined): boolean {
    const s = this.resolve(schema);
    const t = this.type(s);
    if (t === 'string') return true;
    if (t === 'array') return this.type(this.resolve(s.items)) === 'string';
    return this.variants(s).some((v) => this.holdsIds(v));
  }

  /** Every field of the body that carries ids, found by walking the schema (through lists and discriminated unions). */
  idFields(schema: Schema | undefined): IdField[] {
    return this.walk(schema, []).map((f) => ({ ...f, label: this.label(f.steps, schema) + (f.many ? '[]' : '') }));
  }

  private walk(schema: Schema | undefined, steps: Step[], name?: string, parent?: string): Array<Omit<IdField, 'label'>> {
    const s = this.resolve(schema);
    const out: Array<Omit<IdField, 'label'>> = [];
    const variants = this.variants(s);
    if (variants.some((v) => this.type(this.resolve(v)) === 'object')) {
      variants.forEach((v, i) => out.push(...this.walk(v, [...steps, { variant: i }], name, parent)));
    }
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const at = [...steps, { prop: key }];
      if (isIdName(key, name) && this.holdsIds(prop)) {
        out.push({ steps: at, name: key, parent: name, kind: idKind(key, name), many: this.type(this.resolve(prop)) === 'array' });
      } else out.push(...this.walk(prop, at, key, name));
    }
    if (s.items) out.push(...this.walk(s.items, [...steps, { item: true }], name, parent));
    return out;
  }

  /** `leads[].userId`, `(board_paper) body.(progress) options.planId`. */
  private label(steps: Step[], schema: Schema | undefined): string {
    let s = this.resolve(schema);
    let out = '';
    const dot = () => (out && !out.endsWith(' ') ? '.' : '');
    for (const step of steps) {
      if ('variant' in step) {
        s = this.resolve(this.variants(s)[step.variant]);
        const tag = Object.values(s.properties ?? {}).find((p) => this.resolve(p).const !== undefined);
        out += `${dot()}(${tag ? String(this.resolve(tag).const) : `#${step.variant}`}) `;
      } else if ('prop' in step) {
        out += dot() + step.prop;
        s = this.resolve(s.properties?.[step.prop]);
      } else {
        out += '[]';
        s = this.resolve(s.items);
      }
    }
    return out;
  }

  /** A value the schema accepts, following `steps` to put `leaf` in its place; `at` gets the place's path (`leads.0.userId`). */
  build(
    schema: Schema | undefined,
    steps: Step[] = [],
    leaf?: { value: unknown },
    at: Array<string | number> = [],
    name?: string,
    parent?: string,
  ): unknown {
    if (!steps.length && leaf) return leaf.value;
    const s = this.resolve(schema);
    const [step, ...rest] = steps;
    if (step && 'variant' in step) return this.build(this.variants(s)[step.variant], rest, leaf, at, name, parent);
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    const variants = this.variants(s);
    if (variants.length) {
      const pick = variants.find((v) => this.type(this.resolve(v)) !== 'null') ?? variants[0];
      return this.build(pick, steps, leaf, at, name, parent);
    }
    const type = this.type(s);
    if (type === 'object') {
      const obj: Record<string, unknown> = {};
      for (const key of s.required ?? []) obj[key] = this.build(s.properties?.[key], [], undefined, [], key, name);
      if (step && 'prop' in step) {
        at.push(step.prop);
        obj[step.prop] = this.build(s.properties?.[step.prop], rest, leaf, at, step.prop, name);
      }
      return obj;
    }
    if (type === 'array') {
      if (step && 'item' in step) {
        at.push(0);
        return [this.build(s.items, rest, leaf, at, name, parent)];
      }
      return Array.from({ length: s.minItems ?? 0 }, () => this.build(s.items, [], undefined, [], name, parent));
    }
    if (type === 'string') {
      if ((name && isIdName(name, parent)) || s.format === 'uuid') {
        const kind = idKind(name ?? '', parent);
        const id = kind && kind !== 'entity' ? this.own[kind] : undefined;
        if (!id) throw new Error(`no record of this network to fill ${name ?? 'an id field'} with`);
        return id;
      }
      if (s.format === 'email') return `cross-network-${++this.seq}@example.org`;
      if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2024-06-03';
      return 'Cross-network sweep'.slice(0, s.maxLength ?? 100);
    }
    if (type === 'integer' || type === 'number') return s.minimum ?? 1;
    if (type === 'boolean') return false;
    return null;
  }

  /** `base` with `leaf` put in place: into a list that has entries, as one more entry. */
  place(
    base: unknown,
    schema: Schema | undefined,
    steps: Step[],
    leaf: { value: unknown },
    at: Array<string | number>,
    name?: string,
    parent?: string,
  ): unknown {
    if (!steps.length) return leaf.value;
    const s = this.resolve(schema);
    const [step, ...rest] = steps;
    if ('variant' in step) {
      const variant = this.variants(s)[step.variant];
      // Another variant of a discriminated union than the record's (its tag differs): built afresh, not merged into it.
      if (!this.tagsMatch(base, variant)) return this.build(variant, rest, leaf, at, name, parent);
      return this.place(base, variant, rest, leaf, at, name, parent);
    }
    if ('prop' in step) {
      if (!isObject(base)) return this.build(schema, steps, leaf, at, name, parent);
      at.push(step.prop);
      const prop = s.properties?.[step.prop];
      const next =
        base[step.prop] === undefined
          ? this.build(prop, rest, leaf, at, step.prop, name)
          : this.place(base[step.prop], prop, rest, leaf, at, step.prop, name);
      return { ...base, [step.prop]: next };
    }
    const list = Array.isArray(base) ? base : [];
    at.push(list.length);
    return [...list, this.build(s.items, rest, leaf, at, name, parent)];
  }

  /** Whether an object value can be this variant of a discriminated union: none of its tags (`kind: const`) differs. */
  private tagsMatch(value: unknown, variant: Schema | undefined): boolean {
    if (!isObject(value)) return true;
    return Object.entries(this.resolve(variant).properties ?? {}).every(([k, p]) => {
      const tag = this.resolve(p).const;
      return tag === undefined || value[k] === undefined || value[k] === tag;
    });
  }

  /** Of a record as read (GET), what the schema takes: the start of a full replacement (PUT). */
  project(value: unknown, schema: Schema | undefined): unknown {
    const s = this.resolve(schema);
    const variants = this.variants(s);
    if (variants.length) {
      for (const v of variants) {
        if (!this.tagsMatch(value, v)) continue;
        const p = this.project(value, v);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    const type = this.type(s);
    if (value === null) return type === 'null' ? null : undefined;
    if (type === 'object') {
      if (!isObject(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const v = k in value ? this.project(value[k], p) : undefined;
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    if (type === 'array') {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((v) => this.project(v, s.items));
      return items.includes(undefined) ? undefined : items;
    }
    if (type === 'string') return typeof value === 'string' ? value : undefined;
    if (type === 'integer' || type === 'number') return typeof value === 'number' ? value : undefined;
    if (type === 'boolean') return typeof value === 'boolean' ? value : undefined;
    return undefined;
  }
}

function operations(doc: OpenApi): Op[] {
  const ops: Op[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    if (!template.startsWith('/api/networks/{network}')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const verb = method.toUpperCase();
      const content = op.requestBody?.content ?? {};
      ops.push({
        verb,
        template,
        key: `${verb} ${template}`,
        op,
        json: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

const pathParams = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).filter((n) => n !== 'network');

function fill(template: string, slug: string, ids: Partial<Record<Kind, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'network') return slug;
    const kind = idKind(name);
    const id = kind && kind !== 'entity' ? ids[kind] : undefined;
    if (!id) throw new Error(`the sweep has no record to fill {${name}} in ${template} with: add its kind to KIND_BY_SUFFIX and the set-up`);
    return id;
  });
}

const first = (ids: Ids): Partial<Record<Kind, string>> => Object.fromEntries(KINDS.map((k) => [k, ids[k][0]]));

function csvForm(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['Theme,Work\nCross-network sweep,Cross-network sweep\n']), 'sweep.csv');
  return form;
}

/**
 * Routes that need their records in a state the sweep's own plan is not in: the year-end roll-over takes an approved
 * plan, and only that plan's open items in its body. Their controls use a plan approved for them (and its item).
 */
const ROLL_OVER_ROUTES = new Set([
  'GET /api/networks/{network}/work-plan/plans/{planId}/roll-over',
  'POST /api/networks/{network}/work-plan/plans/{planId}/roll-over',
]);

const PUBLISHED_CRITERION_ROUTES = new Set([
  'POST /api/networks/{network}/peer-review/reviews/{reviewId}/findings',
  'PUT /api/networks/{network}/peer-review/findings/{findingId}',
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/actions',
  'PUT /api/networks/{network}/peer-review/actions/{actionId}',
]);

/** Routes that take a board meeting still to come (a nudge round before a meeting): their controls use one. */
const UPCOMING_MEETING_ROUTES = new Set(['POST /api/networks/{network}/nudges/rounds']);

async function upcomingMeeting(client: HttpClient, base: string, label: string): Promise<Partial<Record<Kind, string>>> {
  const meetingDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const res = await client.post(`${base}/board/meetings`, { title: `Cross-network sweep board to come (${label})`, meetingDate });
  if (res.status >= 300) throw new Error(`set-up in ${base}: upcoming meeting answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  return { meeting: res.body.id };
}

async function approvedPlanRecords(client: HttpClient, base: string, label: string): Promise<Partial<Record<Kind, string>>> {
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`set-up in ${base}: ${what} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body;
  };
  const wp = `${base}/work-plan`;
  const plan = ok(
    await client.post(`${wp}/plans`, { title: `Cross-network sweep approved plan (${label})`, periodStart: '2090-04-01', periodEnd: '2091-03-31' }),
    'approved plan',
  );
  const theme = ok(await client.post(`${wp}/plans/${plan.id}/themes`, { title: `Cross-network sweep theme to carry (${label})` }), 'theme').themes[0];
  const item = ok(
    await client.post(`${wp}/plans/${plan.id}/items`, { themeId: theme.id, work: `Cross-network sweep item to carry (${label})` }),
    'item',
  );
  ok(await client.post(`${wp}/plans/${plan.id}/approve`, { approvedOn: '2024-05-01' }), 'approval');
  return { plan: plan.id, item: item.id };
}

/** A record of every kind a route takes an id for, made through the API by the network's manager. */
async function sweepRecords(client: HttpClient, base: string, label: string): Promise<Partial<Record<Kind, string>>> {
  const ok = (res: { status: number; body: any }, what: string) => {
    if (res.status >= 300) throw new Error(`set-up in ${base}: ${what} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body;
  };
  const wp = `${base}/work-plan`;
  const plan = ok(
    await client.post(`${wp}/plans`, { title: `Cross-network sweep plan (${label})`, periodStart: '2024-04-01', periodEnd: '2026-03-31' }),
    'plan',
  );
  const theme = ok(await client.post(`${wp}/plans/${plan.id}/themes`, { title: `Cross-network sweep theme (${label})` }), 'theme').themes[0];
  const objective = ok(
    await client.post(`${wp}/themes/${theme.id}/objectives`, { number: '1', title: `Cross-network sweep objective (${label})` }),
    'objective',
  ).themes[0].objectives[0];
  const item = ok(
    await client.post(`${wp}/plans/${plan.id}/items`, {
      themeId: theme.id,
      objectiveId: objective.id,
      work: `Cross-network sweep work item (${label})`,
      timescale: 'Q4 2024/25',
    }),
    'item',
  );
  const risk = ok(
    await client.post(`${base}/risks`, {
      dateRegistered: '2024-05-01',
      description: `Cross-network sweep risk (${label})`,
      likelihoodBefore: 3,
      impactBefore: 3,
      likelihoodAfter: 2,
      impactAfter: 2,
      linkedWorkItemIds: [item.id],
    }),
    'risk',
  );
  const report = ok(await client.post(`${base}/reports`, { kind: 'risk_register', title: `Cross-network sweep report (${label})` }), 'report');
  const invite = ok(
    await client.post(`${base}/invites`, {
      email: `cross-network-invitee-${label}@example.org`,
      displayName: `Cross-network invitee (${label})`,
      role: 'viewer',
    }),
    'invite',
  );
  const recipient = ok(
    await client.post(`${base}/recipients`, {
      name: `Cross-network sweep recipient (${label})`,
      email: `cross-network-recipient-${label}@example.org`,
    }),
    'recipient',
  );
  const list = ok(
    await client.post(`${base}/distribution-lists`, { name: `Cross-network sweep list (${label})`, recipientIds: [recipient.id] }),
    'list',
  );
  // A meeting whose agenda holds one item, with the report as its paper: the agenda-order control lists just that item.
  const meeting = ok(
    await client.post(`${base}/board/meetings`, {
      title: `Cross-network sweep board (${label})`,
      meetingDate: '2026-06-11',
      location: `Room ${label}`,
    }),
    'board meeting',
  );
  const earlierMeeting = ok(
    await client.post(`${base}/board/meetings`, { title: `Cross-network sweep earlier board (${label})`, meetingDate: '2026-03-12' }),
    'earlier board meeting',
  );
  const agendaItem = ok(
    await client.post(`${base}/board/meetings/${meeting.id}/agenda-items`, {
      title: `Cross-network sweep agenda item (${label})`,
      presenter: `Cross-network presenter (${label})`,
      documentId: report.id,
    }),
    'agenda item',
  ).agenda[0];
  // A standard set whose draft version holds one section with one criterion: the order controls list just those.
  const standardSet = ok(
    await client.post(`${base}/standards/sets`, {
      code: `SWEEP-${label.toUpperCase()}`,
      name: `Cross-network sweep standards (${label})`,
      kind: 'network_standards',
    }),
    'standard set',
  );
  const standardVersion = standardSet.versions[0].id;
  const standardSection = ok(
    await client.post(`${base}/standards/versions/${standardVersion}/sections`, { number: '1', title: `Cross-network sweep section (${label})` }),
    'standard section',
  ).sections[0];
  const criterion = ok(
    await client.post(`${base}/standards/sections/${standardSection.id}/criteria`, {
      number: '1.1',
      text: `Cross-network sweep criterion (${label})`,
    }),
    'criterion',
  ).sections[0].criteria[0];
  // Sent by link "now": the worker (started once both networks are set up) renders it and writes the link.
  const schedule = ok(
    await client.post(`${base}/schedules`, {
      name: `Cross-network sweep schedule (${label})`,
      report: { kind: 'risk_register', options: { topRisks: 5 } },
      recurrence: { kind: 'first_working_day', time: '07:00' },
      recipientIds: [recipient.id],
      delivery: 'link',
    }),
    'schedule',
  );
  ok(await client.post(`${base}/schedules/${schedule.id}/send-now`), 'send now');
  // A nudge round set a month ahead: it stays to be sent (and so can be withdrawn) while the sweep runs.
  const nudgeRound = ok(
    await client.post(`${base}/nudges/rounds`, { sendOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), sendTime: '09:00' }),
    'nudge round',
  );
  // A peer review cycle from the template over every organisation, active, one document uploaded to the last
  // organisation's first submission (the organisation the sweep's own bodies name, so that its controls keep it).
  const cycle = await peerReviewCycle(client, base, `Cross-network sweep cycle (${label})`);
  const lastOrganisation = cycle.organisationIds.at(-1);
  const submissions = ok(await client.get(`${base}/peer-review/cycles/${cycle.id}/submissions?organisationId=${lastOrganisation}`), 'submissions')
    .items as Array<{ id: string }>;
  const submission = ok(
    await client.request(
      'POST',
      `${base}/peer-review/submissions/${submissions[0].id}/files`,
      documentForm(pdfBytes(`Cross-network sweep (${label})`), `sweep-${label}.pdf`),
    ),
    'upload',
  );
  // A published assessment tool, the cycle's self-assessment against it, and the last organisation's self-assessment.
  const tool = ok(
    await client.post(`${base}/standards/sets`, {
      code: `SWEEP-SA-${label.toUpperCase()}`,
      name: `Cross-network sweep assessment tool (${label})`,
      kind: 'assessment_tool',
      answerScale: 'rag',
    }),
    'assessment tool',
  );
  const toolVersion = tool.versions[0].id as string;
  const toolSection = ok(
    await client.post(`${base}/standards/versions/${toolVersion}/sections`, { number: '1', title: `Cross-network sweep tool section (${label})` }),
    'tool section',
  ).sections[0];
  ok(
    await client.post(`${base}/standards/sections/${toolSection.id}/criteria`, {
      number: '1.1',
      text: `Cross-network sweep tool criterion (${label})`,
    }),
    'tool criterion',
  );
  const toolCriterion = ok(await client.post(`${base}/standards/versions/${toolVersion}/publish`), 'publish tool').sections[0].criteria[0]
    .id as string;
  const assessmentActivity = cycle.activities.find((a) => a.kind === 'self_assessment');
  if (!assessmentActivity) throw new Error(`set-up in ${base}: the template made no self-assessment activity`);
  ok(
    await client.put(`${base}/peer-review/activities/${assessmentActivity.id}`, {
      kind: 'self_assessment',
      fy: assessmentActivity.fy,
      quarter: assessmentActivity.quarter,
      title: assessmentActivity.title,
      standardSetVersionId: toolVersion,
    }),
    'self-assessment activity',
  );
  const selfAssessment = ok(
    await client.post(`${base}/peer-review/activities/${assessmentActivity.id}/self-assessments`, { organisationId: lastOrganisation }),
    'self-assessment',
  );
  ok(
    await client.put(`${base}/peer-review/self-assessments/${selfAssessment.id}/answers`, {
      answers: [{ criterionId: toolCriterion, rating: 'amber', evidence: `Cross-network sweep evidence (${label})` }],
    }),
    'self-assessment answer',
  );
  const evidence = ok(
    await client.request(
      'POST',
      `${base}/peer-review/self-assessments/${selfAssessment.id}/criteria/${toolCriterion}/files`,
      documentForm(pdfBytes(`Cross-network sweep evidence (${label})`), `sweep-evidence-${label}.pdf`),
    ),
    'evidence file',
  );
  // A draft review of the last organisation (the one the sweep's bodies name: starting it again answers it, and the
  // others stay free to leave the cycle's scope) holding an immediate risk finding, and an action of the same organisation.
  const review = ok(await client.post(`${base}/peer-review/cycles/${cycle.id}/reviews`, { organisationId: lastOrganisation }), 'review');
  const findingReview = review;
  const finding = ok(
    await client.post(`${base}/peer-review/reviews/${findingReview.id}/findings`, {
      classification: 'immediate_risk',
      theme: `Cross-network sweep (${label})`,
      text: `Cross-network sweep finding (${label})`,
      recommendations: [`Cross-network sweep recommendation (${label})`],
    }),
    'finding',
  );
  const action = ok(
    await client.post(`${base}/peer-review/cycles/${cycle.id}/actions`, {
      organisationId: lastOrganisation,
      description: `Cross-network sweep action (${label})`,
      ownerName: 'Cross-network sweep owner',
    }),
    'action',
  );
  return {
    evidenceFile: evidence.sections[0].criteria[0].files[0].id,
    standardSetVersion: toolVersion,
    assessmentActivity: assessmentActivity.id,
    selfAssessment: selfAssessment.id,
    assessedCriterion: toolCriterion,
    review: review.id,
    finding: finding.id,
    action: action.id,
    standardSet: standardSet.id,
    standardVersion,
    standardSection: standardSection.id,
    criterion: criterion.id,
    plan: plan.id,
    theme: theme.id,
    objective: objective.id,
    item: item.id,
    risk: risk.id,
    document: report.id,
    invite: invite.id,
    recipient: recipient.id,
    list: list.id,
    meeting: meeting.id,
    earlierMeeting: earlierMeeting.id,
    agendaItem: agendaItem.id,
    schedule: schedule.id,
    nudgeRound: nudgeRound.id,
    cycle: cycle.id,
    activity: cycle.activities.find((a) => a.kind === 'action_plan_update')?.id,
    submission: submission.id,
    file: submission.files[0].id,
    // A year the demo has no annual report for (East Midlands has started 2024/25's).
    annualReport: ok(await client.post(`${base}/annual-reports`, { fy: '2019/20' }), 'annual report').id,
  };
}

/** An active peer review cycle made from the two-year template over every member organisation of the network. */
async function peerReviewCycle(
  client: HttpClient,
  base: string,
  name: string,
): Promise<{ id: string; organisationIds: string[]; activities: Array<{ id: string; kind: string; fy: string; quarter: number; title: string }> }> {
  const profile = await client.get(`${base}/profile`);
  const organisationIds = (profile.body.memberOrganisations as Array<{ id: string }>).map((o) => o.id);
  const created = await client.post(`${base}/peer-review/cycles`, {
    name,
    firstFy: '2024/25',
    lastFy: '2025/26',
    template: 'two-year-programme',
    organisationIds,
  });
  if (created.status !== 201) throw new Error(`set-up in ${base}: cycle answered ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
  const active = await client.put(`${base}/peer-review/cycles/${created.body.id}`, { name, firstFy: '2024/25', lastFy: '2025/26', status: 'active' });
  if (active.status !== 200) throw new Error(`set-up in ${base}: activating the cycle answered ${active.status}`);
  // The organisations in the profile's order (the sweep's own bodies name the last of them).
  return { ...created.body, organisationIds };
}

/** The download link the worker made when it delivered the schedule's run (read from the delivery log). */
async function linkOf(client: HttpClient, base: string, scheduleId: string | undefined): Promise<string> {
  let link: string | undefined;
  await waitFor(
    `the worker's link for ${base}'s sweep schedule`,
    async () => {
      const log = await client.get(`${base}/delivery-log?scheduleId=${scheduleId}`);
      link = (log.body?.deliveries as Array<{ link: { id: string } | null }> | undefined)?.find((d) => d.link)?.link?.id;
      return !!link;
    },
    120_000,
    500,
  );
  return link as string;
}

/** A manager of Northern Spinal who is in no other network (Alex Morgan is also a viewer of the trauma network). */
async function spinalOnlyManager(spinal: HttpClient, url: string): Promise<HttpClient> {
  const email = `cross-network-manager-${Date.now().toString(36)}@example.org`;
  const invite = await spinal.post(`${SPINAL}/invites`, { email, displayName: 'Casey Sweep', role: 'manager' });
  if (invite.status !== 201) throw new Error(`inviting the spinal-only manager answered ${invite.status}`);
  const [, network, token] = /\/invite\/([^/]+)\/([^/?#]+)/.exec(invite.body.url) ?? [];
  const client = new HttpClient(url);
  const accepted = await client.post(`/api/invites/${network}/${token}/accept`, {
    displayName: 'Casey Sweep',
    password: 'cross-network sweep password',
  });
  if (accepted.status !== 200) throw new Error(`accepting the spinal-only manager's invite answered ${accepted.status}`);
  const slugs = (accepted.body.memberships as Array<{ slug: string }>).map((m) => m.slug);
  if (slugs.join() !== 'northern-spinal') throw new Error(`the spinal-only manager is a member of ${slugs.join(', ')}`);
  return client;
}

interface Problems {
  leaks: string[];
  failures: string[];
  wrong: string[];
  echoes: number;
}
const problems = (): Problems => ({ leaks: [], failures: [], wrong: [], echoes: 0 });

const firstOf = (list: string[], n = 3) => (list.length ? `: ${list.slice(0, n).join('; ')}${list.length > n ? ` (+${list.length - n})` : ''}` : '');

export const crossNetwork: Scenario = async ({ stack, spinal, trauma, signIn }) => {
  const doc = (await spinal.get('/api/docs-json')).body as OpenApi;
  const ops = operations(doc);
  const traumaSlug = TRAUMA.split('/').pop() as string;
  const spinalSlug = SPINAL.split('/').pop() as string;

  // Set-up: records of every kind on both sides, and a spinal manager who is in no other network.
  const traumaRecords = await sweepRecords(trauma, TRAUMA, 'trauma');
  const spinalRecords = await sweepRecords(spinal, SPINAL, 'spinal');
  // Links exist once a worker has delivered a run by link: one worker until both networks have theirs, then none, so
  // that what is compared before and after holds still (no render finishing, no email retried in between).
  stack.startWorker();
  try {
    traumaRecords.link = await linkOf(trauma, TRAUMA, traumaRecords.schedule);
    spinalRecords.link = await linkOf(spinal, SPINAL, spinalRecords.schedule);
  } finally {
    await stack.stopWorkers();
  }
  const outsider = await spinalOnlyManager(spinal, stack.url);
  const ours = await harvest(spinal, SPINAL);
  const theirs = await harvest(trauma, TRAUMA);
  const foreign = new Foreign(theirs, ours, [traumaSlug]);
  const before = snapshot(theirs);
  const unchanged = async (): Promise<string[]> => changedLists(before, snapshot(await harvest(trauma, TRAUMA)));

  const traumaIds: Partial<Record<Kind, string>> = { ...first(foreign.sample), ...traumaRecords };
  const ourUsers = ours.members.filter((m) => !theirs.corpus.includes(m.userId));
  const own: Partial<Record<Kind, string>> = {
    ...first(ours.ids),
    ...spinalRecords,
    organisation: ours.ids.organisation.at(-1),
    user: ourUsers[0]?.userId,
    member: ours.members.find((m) => m.role === 'viewer')?.id,
  };
  for (const kind of ['user', 'member', 'organisation'] as const)
    if (!own[kind]) throw new Error(`set-up: Northern Spinal has no ${kind} to sweep with`);
  const ownApproved = { ...own, ...(await approvedPlanRecords(spinal, SPINAL, 'spinal')) };
  // Findings and actions name a criterion of a published version: theirs is the assessment tool's (the set's own is a draft).
  const ownPublished = { ...own, criterion: own.assessedCriterion };
  const ownUpcoming = { ...own, ...(await upcomingMeeting(spinal, SPINAL, 'spinal')) };
  const ownFor = (op: Op): Partial<Record<Kind, string>> =>
    ROLL_OVER_ROUTES.has(op.key)
      ? ownApproved
      : PUBLISHED_CRITERION_ROUTES.has(op.key)
        ? ownPublished
        : UPCOMING_MEETING_ROUTES.has(op.key)
          ? ownUpcoming
          : own;
  const bodies = new Bodies(doc, own);
  const under = underneath(own);
  const bodyFor = (op: Op): unknown => {
    if (op.multipart) return csvForm();
    if (!op.json) return undefined;
    return { ...under[op.key], ...(bodies.build(op.json) as Record<string, unknown>), ...KNOWN_BODIES[op.key] };
  };

  const rows: Row[] = [];

  // (1) Ids in the path: trauma's slug, then trauma's record ids under spinal's slug.
  {
    const tally = new Tally();
    const p = problems();
    const ask = async (client: HttpClient, who: string, op: Op, slug: string) => {
      const path = fill(op.template, slug, traumaIds);
      const res = await client.request(op.verb, path, bodyFor(op)).catch((err: Error) => ({ status: 0, body: err.message }));
      tally.add(res.status);
      const what = `${op.verb} ${path} (${who})`;
      const seen = foreign.leaks(res.body, [path]);
      if (seen.echoed) p.echoes++;
      if (res.status === 0 || res.status >= 500) p.failures.push(`${what} → ${res.status}`);
      else if (res.status < 300 || seen.found.length)
        p.leaks.push(`${what} → ${res.status}${seen.found.length ? ` carrying ${seen.found.slice(0, 3).join(', ')}` : ''}`);
      else if (res.status !== 404) p.wrong.push(`${what} → ${res.status}`);
    };
    let withIds = 0;
    for (const op of ops) {
      await ask(outsider, 'spinal-only manager', op, traumaSlug);
      if (!pathParams(op.template).length) continue;
      withIds++;
      await ask(outsider, 'spinal-only manager', op, spinalSlug);
      await ask(spinal, 'spinal manager who is a trauma viewer', op, spinalSlug);
    }
    // The detector itself: trauma's plan list as trauma's manager reads it must be flagged, or 0 leaks proves nothing.
    const sample = await trauma.get(`${TRAUMA}/work-plan/plans`);
    const detects = sample.status === 200 && foreign.leaks(sample.body, []).found.length > 0;
    if (!detects) p.wrong.push(`the leak detector does not flag trauma's own plan list (${sample.status})`);
    const changed = await unchanged();
    const problemList = [...p.leaks, ...p.failures, ...p.wrong];
    if (problemList.length) console.log(`\ncross-network path problems (first 15):\n${problemList.slice(0, 15).join('\n')}`);
    rows.push({
      scenario: 'cross-network (1) ids in the path',
      did: `${ops.length} operations: trauma's slug as a spinal-only manager; ${withIds} with record ids: trauma's under spinal's slug, as him and as a manager who also views trauma; ${tally.requests} requests`,
      survived: `${p.leaks.length} leaks, ${p.failures.length} ≥ 500, ${p.wrong.length} not 404 (${tally.summary}); ${p.echoes} answers echo the ids sent; the detector flags trauma's own plan list; trauma ${changed.length ? `CHANGED (${changed.join(', ')})` : 'unchanged'}`,
      ok: !problemList.length && !changed.length,
    });
  }

  // (2) Ids in bodies: a valid body for spinal (accepted: the control), then the same with trauma's id in one field.
  {
    const tally = new Tally();
    const p = problems();
    const noControl: string[] = [];
    const unknownKinds: string[] = [];
    const pending: string[] = [];
    let writeOps = 0;
    let fields = 0;
    const names = new Set<string>();
    for (const op of ops) {
      if (!WRITES.includes(op.verb) || !op.json) continue;
      const found = bodies.idFields(op.json);
      if (!found.length) continue;
      writeOps++;
      const path = fill(op.template, spinalSlug, ownFor(op));
      const getSibling = op.verb === 'PUT' && ops.some((o) => o.verb === 'GET' && o.template === op.template);
      const base = async (): Promise<unknown> => {
        if (!getSibling) return undefined;
        const current = await spinal.get(path);
        if (current.status !== 200) throw new Error(`reading ${path} for its PUT answered ${current.status}`);
        return { ...(bodies.build(op.json) as object), ...(bodies.project(current.body, op.json) as object) };
      };
      const make = async (field: IdField, value: string | undefined): Promise<{ body: unknown; at: string }> => {
        const start = await base();
        const at: Array<string | number> = [];
        // An `id` in a list of the record's own entries: the control is the record as it stands (its entries' own ids).
        if (value === undefined) return { body: start, at: '' };
        const leaf = { value: field.many ? [value] : value };
        const body = start === undefined ? bodies.build(op.json, field.steps, leaf, at) : bodies.place(start, op.json, field.steps, leaf, at);
        return { body: { ...under[op.key], ...(body as Record<string, unknown>), ...KNOWN_BODIES[op.key] }, at: at.join('.') };
      };
      for (const field of found) {
        fields++;
        names.add(field.label);
        const kind = field.kind;
        const foreignId = kind && kind !== 'entity' ? traumaIds[kind] : undefined;
        if (PENDING_ID_FIELDS[field.name]) {
          pending.push(`${op.key} ${field.label}`);
          continue;
        }
        if (!kind || kind === 'entity' || !foreignId) {
          unknownKinds.push(`${op.key} ${field.label}`);
          continue;
        }
        const keepsOwn = field.name === 'id' && getSibling;
        const control = await make(field, keepsOwn ? undefined : ownFor(op)[kind]);
        const controlRes = await spinal.request(op.verb, path, control.body);
        tally.add(controlRes.status);
        if (controlRes.status >= 300)
          noControl.push(`${op.key} ${field.label} → ${controlRes.status} ${JSON.stringify(controlRes.body).slice(0, 120)}`);
        if (controlRes.status >= 500) p.failures.push(`${op.key} ${field.label} (control) → ${controlRes.status}`);
        const probe = await make(field, foreignId);
        const res = await spinal.request(op.verb, path, probe.body);
        tally.add(res.status);
        const what = `${op.key} ${field.label}=${kind} of trauma`;
        const seen = foreign.leaks(res.body, [foreignId]);
        if (seen.echoed) p.echoes++;
        const named = ((res.body?.fields ?? []) as Array<{ field: string }>).some((f) => f.field === probe.at || f.field.startsWith(`${probe.at}.`));
        if (res.status >= 500) p.failures.push(`${what} → ${res.status}`);
        else if (res.status < 300 || seen.found.length)
          p.leaks.push(`${what} → ${res.status}${seen.found.length ? ` carrying ${seen.found.slice(0, 3).join(', ')}` : ''}`);
        else if (!(res.status === 404 || (res.status === 400 && named)))
          p.wrong.push(
            `${what} → ${res.status} ${JSON.stringify(res.body?.fields ?? res.body?.message).slice(0, 120)} (expected 404 or 400 naming ${probe.at})`,
          );
      }
    }
    const changed = await unchanged();
    const problemList = [
      ...p.leaks,
      ...p.failures,
      ...p.wrong,
      ...noControl.map((c) => `no valid control: ${c}`),
      ...unknownKinds.map((u) => `unknown id kind: ${u}`),
    ];
    if (problemList.length) console.log(`\ncross-network body problems (first 15):\n${problemList.slice(0, 15).join('\n')}`);
    rows.push({
      scenario: 'cross-network (2) ids in bodies',
      did: `${writeOps} write operations, ${fields} id fields (${[...names].sort().join(', ')}); each sent with spinal's own id (control), then trauma's; ${tally.requests} requests${
        pending.length
          ? `; not checkable yet: ${[...new Set(pending.map((x) => x.split(' ').pop() as string))].map((f) => `${f} (${PENDING_ID_FIELDS[f.replace(/\[\]$/, '').split('.').pop() as string]})`).join('; ')}`
          : ''
      }`,
      survived: `${p.leaks.length} leaks, ${p.failures.length} ≥ 500, ${p.wrong.length} not 404 or 400 naming the field (${tally.summary}); controls accepted ${fields - pending.length - noControl.length - unknownKinds.length}/${fields - pending.length}; ${p.echoes} answers echo the id sent; trauma ${changed.length ? `CHANGED (${changed.join(', ')})` : 'unchanged'}`,
      ok: !problemList.length && !changed.length,
    });
  }

  // (3) Ids, people and words in query strings: trauma's, on spinal's routes.
  {
    const tally = new Tally();
    const p = problems();
    const unknown: string[] = [];
    let queryOps = 0;
    const params = new Set<string>();
    const text = (key: string) => foreign.strings.find((s) => s.key === key)?.raw;
    const values = {
      person: [...foreign.people.slice(0, 2).map((x) => x.userId), ...foreign.people.slice(0, 2).map((x) => x.name)],
      text: [text('name'), text('title'), text('description'), foreign.people[0]?.name].filter((v): v is string => !!v),
      auditCursor: theirs.auditEvents.slice(0, 2).map((e) => `${e.occurredAt}|${e.id}`),
      entity: KINDS.flatMap((k) => foreign.sample[k].slice(0, 1)),
    };
    for (const op of ops) {
      const queries = (op.op.parameters ?? []).filter((q) => q.in === 'query');
      const swept = queries.flatMap((q) => {
        const kind = isIdName(q.name) ? idKind(q.name) : QUERY_KINDS[q.name];
        if (isIdName(q.name) && !kind) unknown.push(`${op.key} ?${q.name}`);
        return kind ? [{ name: q.name, kind }] : [];
      });
      if (!swept.length) continue;
      queryOps++;
      const path = fill(op.template, spinalSlug, ownFor(op));
      for (const { name, kind } of swept) {
        params.add(name);
        const sent = kind in values ? values[kind as keyof typeof values] : foreign.sample[kind as Kind].slice(0, 2);
        if (!sent.length) unknown.push(`${op.key} ?${name}: trauma has no ${kind}`);
        for (const value of sent) {
          const url = `${path}?${new URLSearchParams({ [name]: value })}`;
          const res = await spinal.request(op.verb, url).catch((err: Error) => ({ status: 0, body: err.message }));
          tally.add(res.status);
          const seen = foreign.leaks(res.body, [value]);
          if (seen.echoed) p.echoes++;
          const what = `${op.verb} ${url}`;
          if (res.status === 0 || res.status >= 500) p.failures.push(`${what} → ${res.status}`);
          else if (seen.found.length) p.leaks.push(`${what} → ${res.status} carrying ${seen.found.slice(0, 3).join(', ')}`);
          else if (!(res.status < 300 || res.status === 400 || res.status === 404)) p.wrong.push(`${what} → ${res.status}`);
        }
      }
    }
    const changed = await unchanged();
    const problemList = [...p.leaks, ...p.failures, ...p.wrong, ...unknown.map((u) => `unswept: ${u}`)];
    if (problemList.length) console.log(`\ncross-network query problems (first 15):\n${problemList.slice(0, 15).join('\n')}`);
    rows.push({
      scenario: 'cross-network (3) ids in queries',
      did: `${queryOps} operations, parameters ${[...params].sort().join(', ')}: trauma's ids, people, titles and audit cursors; ${tally.requests} requests`,
      survived: `${p.leaks.length} leaks, ${p.failures.length} ≥ 500, ${p.wrong.length} not 2xx/400/404 (${tally.summary}); ${foreign.ids.size} trauma ids and ${foreign.strings.length} trauma strings looked for; trauma ${changed.length ? `CHANGED (${changed.join(', ')})` : 'unchanged'}`,
      ok: !problemList.length && !changed.length,
    });
  }

  // (4) Between member organisations: a contributor acts for one organisation. They read and write only its records
  // (peer review submissions and their files, self-assessments): another organisation's answers 404 on every route that names one, as
  // another network's would; every route their role may not call answers 403; no answer of theirs carries another
  // organisation's submission, file or file name.
  {
    const owned: string[] = [];
    for (const op of ops) {
      const inParams = (op.op.parameters ?? []).filter((q) => /organi[sz]ation/i.test(q.name)).map((q) => `${q.in} ${q.name}`);
      const inBody = op.json
        ? bodies
            .idFields(op.json)
            .filter((f) => f.kind === 'organisation')
            .map((f) => `body ${f.label}`)
        : [];
      const inPath = /organi[sz]ation/i.test(op.template) ? ['path'] : [];
      if ([...inParams, ...inBody, ...inPath].length && !ORGANISATION_TIES.has(op.key)) owned.push(op.key);
    }
    const contributorMay = (Object.keys(PERMISSIONS) as Permission[]).filter((perm) => can('contributor', perm) && !READ_ONLY.has(perm));
    const contributor = ours.members.find((m) => m.role === 'contributor' && m.organisationId);
    const tally = new Tally();
    const p = problems();
    let submissionRoutes = 0;
    let otherOrganisationAsked = 0;
    if (!contributor) p.wrong.push('Northern Spinal has no contributor tied to an organisation');
    else {
      const client = await signIn(contributor.email);
      // Set-up: a fresh cycle over every spinal organisation; the contributor uploads to their organisation's first
      // submission, the manager to another organisation's (its file name is a word only that organisation's answers hold).
      const cycle = await peerReviewCycle(spinal, SPINAL, 'Cross-network sweep cycle (between organisations)');
      const items = (await spinal.get(`${SPINAL}/peer-review/cycles/${cycle.id}/submissions`)).body.items as Array<{
        id: string;
        organisation: { id: string };
      }>;
      const mine = items.find((x) => x.organisation.id === contributor.organisationId);
      const theirs = items.find((x) => x.organisation.id !== contributor.organisationId);
      if (!mine || !theirs) throw new Error('set-up: the cycle has no submission of the contributor’s organisation, or none of another');
      const upload = async (who: HttpClient, submissionId: string, name: string): Promise<string> => {
        const res = await who.request('POST', `${SPINAL}/peer-review/submissions/${submissionId}/files`, documentForm(pdfBytes(name), `${name}.pdf`));
        if (res.status !== 201) throw new Error(`set-up: uploading ${name} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res.body.files[0].id as string;
      };
      const theirName = `other-organisation-document-${Date.now().toString(36)}`;
      // Each organisation's issued review (one finding, one recommendation: one action each): a contributor reads their
      // own organisation's and records progress on its action; the other's answers 404.
      const issued = async (organisationId: string, words: string) => {
        const at = `${SPINAL}/peer-review`;
        const made = async (res: Promise<{ status: number; body: any }>, what: string) => {
          const r = await res;
          if (r.status >= 300) throw new Error(`set-up: ${what} answered ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
          return r.body;
        };
        const review = await made(spinal.post(`${at}/cycles/${cycle.id}/reviews`, { organisationId }), 'review');
        const finding = await made(
          spinal.post(`${at}/reviews/${review.id}/findings`, { classification: 'concern', theme: words, text: words, recommendations: [words] }),
          'finding',
        );
        await made(spinal.post(`${at}/reviews/${review.id}/agree`, { agreedWith: 'Cross-network sweep lead' }), 'agree');
        await made(spinal.post(`${at}/reviews/${review.id}/issue`), 'issue');
        const actions = await made(spinal.get(`${at}/cycles/${cycle.id}/actions?organisationId=${organisationId}`), 'actions');
        return { review: review.id as string, finding: finding.id as string, action: actions.items[0].id as string };
      };
      const theirWords = `other-organisation-finding-${Date.now().toString(36)}`;
      const myReview = await issued(contributor.organisationId as string, 'Own organisation finding');
      const theirReview = await issued(theirs.organisation.id, theirWords);
      const mineIds: Partial<Record<Kind, string>> = {
        ...own,
        cycle: cycle.id,
        submission: mine.id,
        file: await upload(client, mine.id, 'own-organisation-document'),
        organisation: contributor.organisationId ?? undefined,
        ...myReview,
      };
      // The cycle's self-assessment against spinal's assessment tool: the contributor's organisation's and another's,
      // started by the manager; the other's evidence is a word only its answers hold.
      const assessmentActivity = cycle.activities.find((x) => x.kind === 'self_assessment');
      if (!assessmentActivity) throw new Error('set-up: the template made no self-assessment activity');
      const linked = await spinal.put(`${SPINAL}/peer-review/activities/${assessmentActivity.id}`, {
        kind: 'self_assessment',
        fy: assessmentActivity.fy,
        quarter: assessmentActivity.quarter,
        title: assessmentActivity.title,
        standardSetVersionId: own.standardSetVersion,
      });
      if (linked.status !== 200)
        throw new Error(`set-up: linking the self-assessment answered ${linked.status} ${JSON.stringify(linked.body).slice(0, 200)}`);
      const startFor = async (organisationId: string | undefined): Promise<string> => {
        const res = await spinal.post(`${SPINAL}/peer-review/activities/${assessmentActivity.id}/self-assessments`, { organisationId });
        if (res.status !== 200)
          throw new Error(`set-up: starting a self-assessment answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res.body.id as string;
      };
      const theirEvidence = `other-organisation-evidence-${Date.now().toString(36)}`;
      const theirAssessment = await startFor(theirs.organisation.id);
      const answered = await spinal.put(`${SPINAL}/peer-review/self-assessments/${theirAssessment}/answers`, {
        answers: [{ criterionId: own.assessedCriterion, rating: 'red', evidence: theirEvidence }],
      });
      if (answered.status !== 200) throw new Error(`set-up: answering the other organisation’s self-assessment answered ${answered.status}`);
      const evidenceOf = async (selfAssessmentId: string, name: string): Promise<string> => {
        const res = await spinal.request(
          'POST',
          `${SPINAL}/peer-review/self-assessments/${selfAssessmentId}/criteria/${own.assessedCriterion}/files`,
          documentForm(pdfBytes(name), `${name}.pdf`),
        );
        if (res.status !== 201)
          throw new Error(`set-up: uploading evidence ${name} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res.body.sections[0].criteria[0].files[0].id as string;
      };
      const mineAssessment = await startFor(contributor.organisationId ?? undefined);
      Object.assign(mineIds, {
        assessmentActivity: assessmentActivity.id,
        selfAssessment: mineAssessment,
        evidenceFile: await evidenceOf(mineAssessment, 'own-organisation-evidence'),
      });
      const theirEvidenceFile = await evidenceOf(theirAssessment, `${theirEvidence}-file`);
      const theirIds: Partial<Record<Kind, string>> = {
        ...mineIds,
        submission: theirs.id,
        file: await upload(spinal, theirs.id, theirName),
        selfAssessment: theirAssessment,
        evidenceFile: theirEvidenceFile,
        ...theirReview,
      };
      const secrets = [
        theirs.id,
        theirIds.file as string,
        theirName,
        theirAssessment,
        theirEvidence,
        theirEvidenceFile,
        theirReview.review,
        theirReview.finding,
        theirReview.action,
        theirWords,
      ];
      const carried = (body: unknown) => {
        const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('latin1') : JSON.stringify(body ?? null);
        return secrets.filter((x) => text.includes(x));
      };
      /** What the contributor's role may call, from the permission the operation's 403 names (none: every role). */
      const mayCall = (op: Op) => {
        const needs = /needs `([a-z.-]+)`/.exec(op.op.responses?.['403']?.description ?? '')?.[1] as Permission | undefined;
        return !needs || can('contributor', needs);
      };
      const bodyOf = (op: Op) => (op.template.endsWith('/files') ? documentForm(pdfBytes('contributor probe'), 'probe.pdf') : bodyFor(op));
      const ask = async (op: Op, ids: Partial<Record<Kind, string>>, query = '') => {
        const path = `${fill(op.template, spinalSlug, ids)}${query}`;
        const res = await client.request(op.verb, path, bodyOf(op)).catch((err: Error) => ({ status: 0, body: err.message }));
        tally.add(res.status);
        const what = `${op.verb} ${path}`;
        const found = carried(res.body);
        if (res.status === 0 || res.status >= 500) p.failures.push(`${what} → ${res.status}`);
        else if (found.length) p.leaks.push(`${what} → ${res.status} carrying ${found.join(', ')}`);
        return res.status;
      };
      // Upload routes last: a version the contributor uploads to their own submission is a change to spinal only.
      // And removals after everything: an evidence file the contributor takes off their own draft is asked for before.
      const last = (op: Op) => op.template.endsWith('/files') || op.verb === 'DELETE';
      const ordered = [
        ...ops.filter((op) => !last(op)),
        ...ops.filter((op) => op.template.endsWith('/files')),
        ...ops.filter((op) => op.verb === 'DELETE'),
      ];
      for (const op of ordered) {
        const names = pathParams(op.template);
        const may = mayCall(op);
        if (names.some((n) => ORGANISATION_OWNED_PARAMS.has(n))) {
          submissionRoutes++;
          otherOrganisationAsked++;
          const foreignStatus = await ask(op, theirIds);
          const ownStatus = await ask(op, mineIds);
          // A self-assessment's own routes may answer 409 by its state (submitted, not all rated): reached, all the same.
          const answered = ownStatus < 300 || (names.includes('selfAssessmentId') && ownStatus === 409);
          if (may && foreignStatus !== 404) p.wrong.push(`${op.key} with another organisation’s record → ${foreignStatus} (expected 404)`);
          if (may && (ownStatus === 404 || !answered)) p.wrong.push(`${op.key} with their own → ${ownStatus} (expected it answered)`);
          if (!may && (foreignStatus !== 403 || ownStatus !== 403)) p.wrong.push(`${op.key} → ${foreignStatus} / ${ownStatus} (expected 403 alike)`);
          if (names.includes('evidenceFileId')) {
            const crossed = await ask(op, { ...mineIds, evidenceFile: theirIds.evidenceFile });
            if (may && crossed !== 404)
              p.wrong.push(`${op.key} with another organisation’s evidence file under their own self-assessment → ${crossed}`);
          }
          if (names.includes('fileId')) {
            const crossed = await ask(op, { ...mineIds, file: theirIds.file });
            if (may && crossed !== 404) p.wrong.push(`${op.key} with another organisation’s file under their own submission → ${crossed}`);
          }
          continue;
        }
        if (names.includes('selfAssessmentActivityId') && may && WRITES.includes(op.verb)) {
          // Starting a self-assessment: their organisation's (no organisation named) is theirs to start; another's is 404.
          otherOrganisationAsked++;
          const path = fill(op.template, spinalSlug, mineIds);
          const foreign = await client.request(op.verb, path, { organisationId: theirs.organisation.id });
          tally.add(foreign.status);
          if (carried(foreign.body).length)
            p.leaks.push(`${op.verb} ${path} naming another organisation → ${foreign.status} carrying ${carried(foreign.body).join(', ')}`);
          if (foreign.status !== 404) p.wrong.push(`${op.key} naming another organisation → ${foreign.status} (expected 404)`);
          const ownStatus = await ask(op, mineIds);
          if (ownStatus >= 300) p.wrong.push(`${op.key} for their own organisation → ${ownStatus} (expected it answered)`);
          continue;
        }
        const orgQuery = (op.op.parameters ?? []).find((q) => q.in === 'query' && /organi[sz]ation/i.test(q.name));
        if (orgQuery && may) {
          otherOrganisationAsked++;
          const status = await ask(op, mineIds, `?${new URLSearchParams({ [orgQuery.name]: theirs.organisation.id })}`);
          if (status !== 404 && status !== 400) p.wrong.push(`${op.key}?${orgQuery.name}=another organisation → ${status} (expected 404)`);
        }
        const status = await ask(op, mineIds);
        if (WRITES.includes(op.verb) && status !== 403)
          p.wrong.push(
            `${op.key} → ${status}: a contributor changes nothing but their organisation’s submissions and self-assessments (expected 403)`,
          );
        if (!may && status !== 403) p.wrong.push(`${op.key} → ${status} (expected 403: their role may not)`);
      }
    }
    const problemList = [...p.leaks, ...p.failures, ...p.wrong];
    if (problemList.length) console.log(`\ncross-network between-organisation problems (first 15):\n${problemList.slice(0, 15).join('\n')}`);
    rows.push({
      scenario: 'cross-network (4) between member organisations',
      did: `a spinal contributor (their organisation’s and another’s submission, each with an upload, self-assessment, and issued review with its action) through all ${ops.length} operations: ${submissionRoutes} naming a submission or self-assessment asked with both, ${otherOrganisationAsked} with another organisation’s id; organisation-owned operations: ${owned.length}; contributor powers beyond reading: ${contributorMay.join(', ') || 'none'}; ${tally.requests} requests`,
      survived: `${p.leaks.length} answers carrying the other organisation’s submission, self-assessment, review, action, file or words, ${p.failures.length} ≥ 500, ${p.wrong.length} not 404 / 403 / answered as they must be${firstOf(p.wrong)} (${tally.summary || 'no contributor'})`,
      ok: !problemList.length && !!contributor && submissionRoutes >= 12,
    });
  }
  return rows;
};
