import { LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { sql, uuidArray, type Sql } from '../db/sql';
import { NoTenantContextError, RequestScopes } from '../tenancy/request-scope';
import type { AssessmentFrame } from './assessment-frame';
import { StandardCriterion } from './standard-criterion.entity';
import { StandardSection } from './standard-section.entity';
import { StandardSet } from './standard-set.entity';
import { StandardSetVersion } from './standard-set-version.entity';

/** Sections and criteria per version, as counted in one statement. */
export interface StandardVersionCounts {
  sections: number;
  criteria: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Queries for standard sets, their versions, sections and criteria, for the API and the worker alike. In a network's
 * context they see the network's own sets and the national ones (the `nationalOrTenant` filter and RLS); in operator
 * mode (`TenantDb.asOperator`) the national ones only. Raw statements name the same rows explicitly.
 */
@Injectable()
export class StandardSetRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** The network in context, or null for operator mode (the national sets' keeper). */
  keeper(): string | null {
    const scope = RequestScopes.current();
    if (scope?.tenant) return scope.tenant.networkId;
    if (scope?.operator) return null;
    throw new NoTenantContextError('a standard set query');
  }

  /** `network_id = <network> or network_id is null`, or `network_id is null` in operator mode: what raw statements may read. */
  private visible(): Sql {
    const keeper = this.keeper();
    return keeper === null ? sql`network_id is null` : sql`(network_id = ${keeper} or network_id is null)`;
  }

  /** Every set visible here: the national ones first, then the network's own, each by code. */
  async sets(): Promise<StandardSet[]> {
    const sets = await this.em.find(StandardSet, {}, { orderBy: { code: 'asc', name: 'asc' } });
    return [...sets.filter((s) => s.networkId === null), ...sets.filter((s) => s.networkId !== null)];
  }

  set(id: string): Promise<StandardSet | null> {
    return this.em.findOne(StandardSet, { id });
  }

  /** The set of the same keeper (`networkId`, null for national) with this code, ignoring case, other than `exceptId`. */
  setByCode(code: string, networkId: string | null, exceptId?: string): Promise<StandardSet | null> {
    return this.em.findOne(StandardSet, {
      code: { $ilike: escapeLike(code) },
      networkId,
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    });
  }

  /** The versions of these sets, newest first. */
  versions(setIds: string[]): Promise<StandardSetVersion[]> {
    if (!setIds.length) return Promise.resolve([]);
    return this.em.find(StandardSetVersion, { setId: { $in: setIds } }, { orderBy: { version: 'desc' } });
  }

  version(id: string): Promise<StandardSetVersion | null> {
    return this.em.findOne(StandardSetVersion, { id });
  }

  /**
   * The version, its row locked until the transaction ends: whoever changes a version's content takes this first, so
   * two people editing one version take turns (positions stay 1…n), and a cycle freezing it waits for the edit.
   */
  versionForChange(id: string): Promise<StandardSetVersion | null> {
    return this.em.findOne(StandardSetVersion, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The set's row locked (a new version is numbered from it), for creating a version. */
  setForChange(id: string): Promise<StandardSet | null> {
    return this.em.findOne(StandardSet, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** A version's sections in order. */
  sections(versionId: string): Promise<StandardSection[]> {
    return this.em.find(StandardSection, { versionId }, { orderBy: { position: 'asc' } });
  }

  section(id: string): Promise<StandardSection | null> {
    return this.em.findOne(StandardSection, { id });
  }

  /** A version's criteria, section by section, each section's in order. */
  criteria(versionId: string): Promise<StandardCriterion[]> {
    return this.em.find(StandardCriterion, { versionId }, { orderBy: { sectionId: 'asc', position: 'asc' } });
  }

  /** A section's criteria in order. */
  sectionCriteria(sectionId: string): Promise<StandardCriterion[]> {
    return this.em.find(StandardCriterion, { sectionId }, { orderBy: { position: 'asc' } });
  }

  criterion(id: string): Promise<StandardCriterion | null> {
    return this.em.findOne(StandardCriterion, { id });
  }

  /**
   * The version as a self-assessment reads it (set, scale, sections and criteria in order), or null when it is not
   * visible here. `cache` keeps what was read for the next call with the same version.
   */
  async frame(versionId: string, cache?: Map<string, AssessmentFrame | null>): Promise<AssessmentFrame | null> {
    if (cache?.has(versionId)) return cache.get(versionId) ?? null;
    const version = await this.version(versionId);
    const set = version ? await this.set(version.setId) : null;
    let frame: AssessmentFrame | null = null;
    if (version && set) {
      const [sections, criteria] = await Promise.all([this.sections(versionId), this.criteria(versionId)]);
      frame = {
        version,
        set,
        scale: set.answerScale,
        sections: sections.map((section) => ({
          section,
          criteria: criteria.filter((c) => c.sectionId === section.id).sort((a, b) => a.position - b.position),
        })),
      };
    }
    cache?.set(versionId, frame);
    return frame;
  }

  /** The section of this version numbered `number` (ignoring case), other than `exceptId`. */
  sectionByNumber(versionId: string, number: string, exceptId?: string): Promise<StandardSection | null> {
    return this.em.findOne(StandardSection, { versionId, number: { $ilike: escapeLike(number) }, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  }

  /** The criterion of this version numbered `number` (ignoring case), other than `exceptId`. */
  criterionByNumber(versionId: string, number: string, exceptId?: string): Promise<StandardCriterion | null> {
    return this.em.findOne(StandardCriterion, { versionId, number: { $ilike: escapeLike(number) }, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  }

  /** Per version: how many sections and criteria (one statement). */
  async counts(versionIds: string[]): Promise<Map<string, StandardVersionCounts>> {
    const counts = new Map<string, StandardVersionCounts>(versionIds.map((id) => [id, { sections: 0, criteria: 0 }]));
    if (!versionIds.length) return counts;
    const q = sql`select version_id as "versionId", 'section' as what, count(*)::int as n from standard_section
        where version_id = any(${uuidArray(versionIds)}::uuid[]) and ${this.visible()} group by version_id
      union all
      select version_id, 'criterion', count(*)::int from standard_criterion
        where version_id = any(${uuidArray(versionIds)}::uuid[]) and ${this.visible()} group by version_id`;
    const rows = await this.em.execute<Array<{ versionId: string; what: 'section' | 'criterion'; n: number }>>(q.text, q.params);
    for (const r of rows) {
      const c = counts.get(r.versionId);
      if (c) c[r.what === 'section' ? 'sections' : 'criteria'] = r.n;
    }
    return counts;
  }

  /**
   * Freezes a published version when a peer review cycle first uses it (a network's own version, or a national one):
   * from then on it refuses edits (edits make a new version). True when this call froze it or it was frozen already;
   * false when there is no such published version visible here (a draft, another network's, none).
   */
  async freezeVersion(versionId: string): Promise<boolean> {
    const q = sql`update standard_set_version set frozen_at = now()
      where id = ${versionId} and status = 'published' and frozen_at is null and ${this.visible()}`;
    await this.em.execute(q.text, q.params);
    const check = sql`select 1 as ok from standard_set_version where id = ${versionId} and frozen_at is not null and ${this.visible()}`;
    return (await this.em.execute<Array<{ ok: number }>>(check.text, check.params)).length > 0;
  }
}
