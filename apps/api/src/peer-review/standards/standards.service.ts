import { Injectable } from '@nestjs/common';
import {
  STANDARD_LIMITS,
  type standardCriterionInputSchema,
  type standardCriterionOrderSchema,
  type StandardSetDto,
  type standardSetInputSchema,
  type StandardSetListDto,
  type standardSectionInputSchema,
  type standardSectionOrderSchema,
  type StandardVersionDto,
} from '@plexus/contracts';
import { can, ORGANISATION_TYPES } from '@plexus/domain';
import { RequestScopes, StandardCriterion, StandardSection, StandardSet, StandardSetRepository, StandardSetVersion } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../../core/http/domain.exception';
import { toStandardSetDto, toStandardVersionDto, type StandardsCaller } from './standards.mapper';

type SetInput = z.output<typeof standardSetInputSchema>;
type SectionInput = z.output<typeof standardSectionInputSchema>;
type CriterionInput = z.output<typeof standardCriterionInputSchema>;
type SectionOrder = z.output<typeof standardSectionOrderSchema>;
type CriterionOrder = z.output<typeof standardCriterionOrderSchema>;

/** "version 2 of D15 Major trauma" */
const versionName = (v: StandardSetVersion, set: StandardSet) => `version ${v.version} of ${set.code} ${set.name}`;

/**
 * Standard sets and their versions, sections and criteria: the rules. The same rules serve a network (its own sets,
 * `standards.manage`; the national ones read-only) and platform operators (the national sets, under /api/admin). Every
 * check runs before anything is written; a frozen version (in use by a peer review cycle) answers 409 telling to make
 * a new version, and the database refuses it too.
 */
@Injectable()
export class StandardsService {
  constructor(private readonly repo: StandardSetRepository) {}

  /** Who is asking: a network's member (its role) or an operator keeping the national sets. */
  caller(): StandardsCaller & { keeper: string | null; mayCreate: boolean } {
    const scope = RequestScopes.current();
    const keeper = this.repo.keeper();
    const mayManage = scope?.operator === true || can(scope?.tenant?.role, 'standards.manage');
    return { keeper, mayCreate: mayManage, manages: (record) => mayManage && record.networkId === keeper };
  }

  // ---- sets -------------------------------------------------------------------------------------------------------

  async list(): Promise<StandardSetListDto> {
    const caller = this.caller();
    const sets = await this.repo.sets();
    const versions = await this.repo.versions(sets.map((s) => s.id));
    const counts = await this.repo.counts(versions.map((v) => v.id));
    return { sets: sets.map((s) => toStandardSetDto(s, versions, counts, caller)), can: { create: caller.mayCreate } };
  }

  async getSet(id: string): Promise<StandardSetDto> {
    return this.setDto(await this.findSet(id));
  }

  /** A new set, with version 1 as an empty draft. */
  async createSet(input: SetInput): Promise<StandardSetDto> {
    const em = RequestScopes.em();
    const { keeper } = this.caller();
    await this.checkCode(input.code, keeper);
    const set = Object.assign(new StandardSet(), { networkId: keeper });
    this.applySet(set, input);
    em.persist(set);
    em.persist(Object.assign(new StandardSetVersion(), { networkId: keeper, setId: set.id, version: 1 }));
    await em.flush();
    return this.setDto(set);
  }

  async updateSet(id: string, input: SetInput): Promise<StandardSetDto> {
    const set = await this.findSet(id, true);
    this.assertManages(set);
    await this.checkCode(input.code, set.networkId, set.id);
    if (input.answerScale !== set.answerScale) {
      const frozen = (await this.repo.versions([set.id])).find((v) => v.frozenAt);
      if (frozen) {
        throw DomainException.field(
          'answerScale',
          `Version ${frozen.version} is in use by a peer review cycle, which answers it on the ${set.answerScale === 'rag' ? 'RAG' : 'Met'} scale: the answer scale cannot change`,
          'conflict',
        );
      }
    }
    this.applySet(set, input);
    await RequestScopes.em().flush();
    return this.setDto(set);
  }

  /** Deletes the set with every version, section and criterion (each a record in the audit trail); not once a cycle uses it. */
  async removeSet(id: string): Promise<void> {
    const em = RequestScopes.em();
    const set = await this.findSet(id, true);
    this.assertManages(set);
    const versions = await this.repo.versions([set.id]);
    const frozen = versions.find((v) => v.frozenAt);
    if (frozen) {
      throw new DomainException(
        'conflict',
        `Version ${frozen.version} of ${set.code} is in use by a peer review cycle, so the set cannot be deleted`,
      );
    }
    for (const v of versions) await this.removeContent(v.id);
    for (const v of versions) em.remove(v);
    await em.flush();
    em.remove(set);
    await em.flush();
  }

  // ---- versions ---------------------------------------------------------------------------------------------------

  async getVersion(id: string): Promise<StandardVersionDto> {
    return this.versionDto(await this.findVersion(id));
  }

  /** The set's next version, as a draft copy of its newest: sections and criteria in the same order. */
  async createVersion(setId: string): Promise<StandardVersionDto> {
    const em = RequestScopes.em();
    const set = await this.findSet(setId, true);
    this.assertManages(set);
    const versions = await this.repo.versions([set.id]);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) {
      throw new DomainException('conflict', `Version ${draft.version} of ${set.code} is a draft already: change that one, or publish it first`);
    }
    const newest = versions[0];
    const next = Object.assign(new StandardSetVersion(), { networkId: set.networkId, setId: set.id, version: (newest?.version ?? 0) + 1 });
    em.persist(next);
    if (newest) {
      const [sections, criteria] = await Promise.all([this.repo.sections(newest.id), this.repo.criteria(newest.id)]);
      const copies = new Map<string, string>();
      for (const s of sections) {
        const copy = Object.assign(new StandardSection(), {
          networkId: set.networkId,
          versionId: next.id,
          position: s.position,
          number: s.number,
          title: s.title,
        });
        copies.set(s.id, copy.id);
        em.persist(copy);
      }
      for (const c of criteria) {
        em.persist(
          Object.assign(new StandardCriterion(), {
            networkId: set.networkId,
            versionId: next.id,
            sectionId: copies.get(c.sectionId),
            position: c.position,
            number: c.number,
            text: c.text,
            evidenceExpected: c.evidenceExpected,
            appliesTo: [...c.appliesTo],
          }),
        );
      }
    }
    await em.flush();
    return this.versionDto(next, set);
  }

  /** Publishes a draft: from now on a peer review cycle may use it. */
  async publish(id: string): Promise<StandardVersionDto> {
    const { version, set } = await this.versionForChange(id);
    if (version.status !== 'draft') throw new DomainException('conflict', `${capitalise(versionName(version, set))} is published already`);
    const counts = (await this.repo.counts([version.id])).get(version.id);
    if (!counts?.criteria) {
      throw new DomainException('conflict', `${capitalise(versionName(version, set))} has no criteria yet: add at least one before publishing it`);
    }
    version.status = 'published';
    version.publishedAt = new Date();
    await RequestScopes.em().flush();
    return this.versionDto(version, set);
  }

  /** Deletes a draft version and its content; published versions stay (cycles may use them), and so does a set's only version. */
  async removeVersion(id: string): Promise<void> {
    const em = RequestScopes.em();
    const { version, set } = await this.versionForChange(id, { allowFrozen: true });
    if (version.frozenAt || version.status !== 'draft') {
      throw new DomainException(
        'conflict',
        `${capitalise(versionName(version, set))} is published${version.frozenAt ? ' and in use by a peer review cycle' : ''}: only a draft can be deleted`,
      );
    }
    const versions = await this.repo.versions([set.id]);
    if (versions.length <= 1) {
      throw new DomainException('conflict', `This is the only version of ${set.code}: delete the set instead`);
    }
    await this.removeContent(version.id);
    em.remove(version);
    await em.flush();
  }

  // ---- sections ---------------------------------------------------------------------------------------------------

  async addSection(versionId: string, input: SectionInput): Promise<StandardVersionDto> {
    const em = RequestScopes.em();
    const { version, set } = await this.versionForChange(versionId);
    const sections = await this.repo.sections(version.id);
    if (sections.length >= STANDARD_LIMITS.sections) {
      throw new DomainException('conflict', `A version holds ${STANDARD_LIMITS.sections} sections at most: remove one before adding another`);
    }
    await this.checkSectionNumber(version.id, input.number);
    const section = Object.assign(new StandardSection(), {
      networkId: version.networkId,
      versionId: version.id,
      position: sections.reduce((max, s) => Math.max(max, s.position), 0) + 1,
    });
    this.applySection(section, input);
    em.persist(section);
    await em.flush();
    return this.versionDto(version, set);
  }

  async updateSection(sectionId: string, input: SectionInput): Promise<StandardVersionDto> {
    const section = await this.findSection(sectionId);
    const { version, set } = await this.versionForChange(section.versionId);
    await this.checkSectionNumber(version.id, input.number, section.id);
    this.applySection(section, input);
    await RequestScopes.em().flush();
    return this.versionDto(version, set);
  }

  /** Removes the section and its criteria; the sections after it move up, so they stay numbered 1…n. */
  async removeSection(sectionId: string): Promise<void> {
    const em = RequestScopes.em();
    const section = await this.findSection(sectionId);
    const { version } = await this.versionForChange(section.versionId);
    for (const c of await this.repo.sectionCriteria(section.id)) em.remove(c);
    await em.flush();
    const rest = (await this.repo.sections(version.id)).filter((s) => s.id !== section.id);
    em.remove(section);
    rest.forEach((s, index) => {
      if (s.position !== index + 1) s.position = index + 1;
    });
    await em.flush();
  }

  /** The sections in a new order: every section of the version, each once; otherwise nothing changes (400 naming the entry). */
  async reorderSections(versionId: string, input: SectionOrder): Promise<StandardVersionDto> {
    const { version, set } = await this.versionForChange(versionId);
    const sections = await this.repo.sections(version.id);
    applyOrder(sections, input.sectionIds, 'sectionIds', 'section', (s) => sectionLabel(s));
    await RequestScopes.em().flush();
    return this.versionDto(version, set);
  }

  // ---- criteria ---------------------------------------------------------------------------------------------------

  /** Adds a criterion at the end of the section (or of `sectionId`'s, a section of the same version). */
  async addCriterion(sectionId: string, input: CriterionInput): Promise<StandardVersionDto> {
    const em = RequestScopes.em();
    const pathSection = await this.findSection(sectionId);
    const { version, set } = await this.versionForChange(pathSection.versionId);
    const section = input.sectionId && input.sectionId !== pathSection.id ? await this.targetSection(input.sectionId, version) : pathSection;
    const counts = (await this.repo.counts([version.id])).get(version.id);
    if ((counts?.criteria ?? 0) >= STANDARD_LIMITS.criteria) {
      throw new DomainException('conflict', `A version holds ${STANDARD_LIMITS.criteria} criteria at most: remove one before adding another`);
    }
    await this.checkCriterionNumber(version.id, input.number);
    const siblings = await this.repo.sectionCriteria(section.id);
    const criterion = Object.assign(new StandardCriterion(), {
      networkId: version.networkId,
      versionId: version.id,
      sectionId: section.id,
      position: siblings.reduce((max, c) => Math.max(max, c.position), 0) + 1,
    });
    this.applyCriterion(criterion, input);
    em.persist(criterion);
    await em.flush();
    return this.versionDto(version, set);
  }

  /** Changes a criterion; with a `sectionId` of another section of the version, moves it to the end of that section. */
  async updateCriterion(criterionId: string, input: CriterionInput): Promise<StandardVersionDto> {
    const em = RequestScopes.em();
    const criterion = await this.findCriterion(criterionId);
    const { version, set } = await this.versionForChange(criterion.versionId);
    const target = input.sectionId && input.sectionId !== criterion.sectionId ? await this.targetSection(input.sectionId, version) : null;
    await this.checkCriterionNumber(version.id, input.number, criterion.id);
    // Every read before the first change, so that the change is one update (a query may flush what has changed).
    const left = target ? (await this.repo.sectionCriteria(criterion.sectionId)).filter((c) => c.id !== criterion.id) : [];
    const there = target ? await this.repo.sectionCriteria(target.id) : [];
    this.applyCriterion(criterion, input);
    if (target) {
      criterion.sectionId = target.id;
      criterion.position = there.reduce((max, c) => Math.max(max, c.position), 0) + 1;
      left.forEach((c, index) => {
        if (c.position !== index + 1) c.position = index + 1;
      });
    }
    await em.flush();
    return this.versionDto(version, set);
  }

  /** Removes the criterion; those after it in its section move up. */
  async removeCriterion(criterionId: string): Promise<void> {
    const em = RequestScopes.em();
    const criterion = await this.findCriterion(criterionId);
    await this.versionForChange(criterion.versionId);
    const rest = (await this.repo.sectionCriteria(criterion.sectionId)).filter((c) => c.id !== criterion.id);
    em.remove(criterion);
    rest.forEach((c, index) => {
      if (c.position !== index + 1) c.position = index + 1;
    });
    await em.flush();
  }

  /** A section's criteria in a new order: every criterion of the section, each once; otherwise nothing changes. */
  async reorderCriteria(sectionId: string, input: CriterionOrder): Promise<StandardVersionDto> {
    const section = await this.findSection(sectionId);
    const { version, set } = await this.versionForChange(section.versionId);
    const criteria = await this.repo.sectionCriteria(section.id);
    applyOrder(criteria, input.criterionIds, 'criterionIds', 'criterion', (c) => (c.number ? `Criterion ${c.number}` : `“${truncate(c.text)}”`));
    await RequestScopes.em().flush();
    return this.versionDto(version, set);
  }

  // ---- shared with import and export ----------------------------------------------------------------------------------

  /**
   * A version and its set for a change of its content: found (404), kept by the caller (403 for a national set in a
   * network), not frozen (409 saying to make a new version), its row locked until the transaction ends.
   */
  async versionForChange(id: string, options: { allowFrozen?: boolean } = {}): Promise<{ version: StandardSetVersion; set: StandardSet }> {
    const found = await this.findVersion(id);
    this.assertManages(found);
    const version = await this.repo.versionForChange(found.id);
    if (!version) throw DomainException.notFound('version of a standard set');
    const set = await this.findSet(version.setId);
    if (version.frozenAt && !options.allowFrozen) {
      throw new DomainException(
        'conflict',
        `${capitalise(versionName(version, set))} is frozen: a peer review cycle uses it, so it cannot change. Create a new version (version ${
          (await this.repo.versions([set.id]))[0].version + 1
        }) to make changes.`,
      );
    }
    return { version, set };
  }

  async findVersion(id: string): Promise<StandardSetVersion> {
    const version = await this.repo.version(id);
    if (!version) throw DomainException.notFound('version of a standard set');
    return version;
  }

  async findSet(id: string, forChange = false): Promise<StandardSet> {
    const found = await this.repo.set(id);
    if (!found) throw DomainException.notFound('standard set');
    if (!forChange) return found;
    this.assertManages(found);
    const set = await this.repo.setForChange(id);
    if (!set) throw DomainException.notFound('standard set');
    return set;
  }

  /** Removes a version's criteria, then its sections (each a record in the audit trail). */
  async removeContent(versionId: string): Promise<void> {
    const em = RequestScopes.em();
    for (const c of await this.repo.criteria(versionId)) em.remove(c);
    await em.flush();
    for (const s of await this.repo.sections(versionId)) em.remove(s);
    await em.flush();
  }

  async versionDto(version: StandardSetVersion, set?: StandardSet): Promise<StandardVersionDto> {
    const theSet = set ?? (await this.findSet(version.setId));
    const [sections, criteria, versions] = await Promise.all([
      this.repo.sections(version.id),
      this.repo.criteria(version.id),
      this.repo.versions([theSet.id]),
    ]);
    const counts = await this.repo.counts(versions.map((v) => v.id));
    return toStandardVersionDto(version, theSet, sections, criteria, versions, counts, this.caller());
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  /** A network may read the national sets and use them, never change them: 403 before anything else. */
  private assertManages(record: { networkId: string | null }): void {
    if (this.caller().manages(record)) return;
    if (record.networkId === null && !RequestScopes.current()?.operator) {
      throw new DomainException(
        'forbidden',
        'This is a national standard set, kept by the platform operator: your network reads it and can use it in its peer review cycles, but cannot change it',
      );
    }
    throw new DomainException('forbidden', 'Your role cannot change standard sets');
  }

  private async setDto(set: StandardSet): Promise<StandardSetDto> {
    const versions = await this.repo.versions([set.id]);
    const counts = await this.repo.counts(versions.map((v) => v.id));
    return toStandardSetDto(set, versions, counts, this.caller());
  }

  private async findSection(id: string): Promise<StandardSection> {
    const section = await this.repo.section(id);
    if (!section) throw DomainException.notFound('section');
    return section;
  }

  private async findCriterion(id: string): Promise<StandardCriterion> {
    const criterion = await this.repo.criterion(id);
    if (!criterion) throw DomainException.notFound('criterion');
    return criterion;
  }

  /** The section named in a body: one this caller can see (else 404 naming `sectionId`), of the same version (else 400). */
  private async targetSection(id: string, version: StandardSetVersion): Promise<StandardSection> {
    const section = await this.repo.section(id);
    if (!section) throw DomainException.field('sectionId', 'That section was not found', 'not_found');
    if (section.versionId !== version.id) throw DomainException.field('sectionId', 'Choose a section of the same version');
    return section;
  }

  private async checkCode(code: string, keeper: string | null, exceptId?: string): Promise<void> {
    if (await this.repo.setByCode(code, keeper, exceptId)) {
      const whose = keeper === null ? 'national set' : 'set in this network';
      throw DomainException.field('code', `There is already a ${whose} with the code ${code}: choose another`, 'conflict');
    }
  }

  private async checkSectionNumber(versionId: string, number: string, exceptId?: string): Promise<void> {
    if (number && (await this.repo.sectionByNumber(versionId, number, exceptId))) {
      throw DomainException.field('number', `There is already a section ${number} in this version: choose another number`, 'conflict');
    }
  }

  private async checkCriterionNumber(versionId: string, number: string, exceptId?: string): Promise<void> {
    if (number && (await this.repo.criterionByNumber(versionId, number, exceptId))) {
      throw DomainException.field('number', `There is already a criterion ${number} in this version: choose another number`, 'conflict');
    }
  }

  private applySet(set: StandardSet, input: SetInput): void {
    set.code = input.code;
    set.name = input.name;
    set.kind = input.kind;
    set.answerScale = input.answerScale;
    set.description = input.description;
  }

  private applySection(section: StandardSection, input: SectionInput): void {
    section.number = input.number;
    section.title = input.title;
  }

  private applyCriterion(criterion: StandardCriterion, input: CriterionInput): void {
    criterion.number = input.number;
    criterion.text = input.text;
    criterion.evidenceExpected = input.evidenceExpected;
    criterion.appliesTo = ORGANISATION_TYPES.filter((t) => input.appliesTo.includes(t));
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const truncate = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const sectionLabel = (s: StandardSection) => (s.number ? `Section ${s.number}` : `“${truncate(s.title)}”`);

/** Puts `records` in the order of `ids` (every record once), or throws a 400 naming the entry and changes nothing. */
function applyOrder<T extends { id: string; position: number }>(
  records: T[],
  ids: string[],
  field: string,
  what: string,
  label: (r: T) => string,
): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    const record = byId.get(id);
    if (!record) throw DomainException.field(`${field}.${index}`, `That ${what} is not in this ${what === 'section' ? 'version' : 'section'}`);
    if (seen.has(id)) throw DomainException.field(`${field}.${index}`, `${label(record)} is listed twice`);
    seen.add(id);
  });
  const missing = records.filter((r) => !seen.has(r.id));
  if (missing.length) {
    throw DomainException.field(
      field,
      `List every ${what} in its new order: ${missing.map(label).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`,
    );
  }
  ids.forEach((id, index) => {
    const record = byId.get(id) as T;
    if (record.position !== index + 1) record.position = index + 1;
  });
}
