import { Injectable } from '@nestjs/common';
import { importOptionsSchema, type ImportPreviewDto, type ImportResultDto } from '@plexus/contracts';
import { todayIso } from '@plexus/domain';
import { RequestScopes, WorkItem, WorkItemLead, WorkItemProgress, WorkPlanObjective, WorkPlanTheme, type WorkPlan } from '@plexus/server';
import { DomainException } from '../../core/http/domain.exception';
import { zodFieldErrors } from '../../core/http/zod';
import { WorkPlanRepository } from '@plexus/server';
import { TableWorkerPool } from '../../core/upload/table-worker-pool';
import type { UploadedTable } from '../../core/upload/table-upload';
import { WorkPlanService } from '../work-plan.service';
import type { Actor } from '../work-plan.types';
import type { Interpretation } from './interpret-table';

/**
 * Imports a plan's themes, objectives and items from a table: a preview first (nothing saved), then, when the
 * manager confirms, everything in the request's one transaction — all rows or none.
 */
@Injectable()
export class WorkPlanImportService {
  constructor(
    private readonly repo: WorkPlanRepository,
    private readonly plans: WorkPlanService,
    private readonly tables: TableWorkerPool,
  ) {}

  private options(raw: unknown) {
    let value: unknown = {};
    if (typeof raw === 'string' && raw.trim()) {
      try {
        value = JSON.parse(raw);
      } catch {
        throw DomainException.field('options', 'The import options are not valid JSON');
      }
    } else if (raw && typeof raw === 'object') {
      value = raw;
    }
    const parsed = importOptionsSchema.safeParse(value);
    if (!parsed.success) {
      const fields = zodFieldErrors(parsed.error).map((f) => ({ ...f, field: `options.${f.field}` }));
      throw new DomainException('validation_failed', fields[0].message, fields);
    }
    return parsed.data;
  }

  /** Reads and interprets the file in the table worker pool (off the event loop), with what it needs of the plan. */
  private async interpret(
    plan: WorkPlan,
    file: UploadedTable | undefined,
    rawOptions: unknown,
  ): Promise<{ format: ImportPreviewDto['format']; result: Interpretation }> {
    const options = this.options(rawOptions);
    if (!file || file.buffer.length === 0)
      throw DomainException.field('file', file ? 'The file is empty' : 'Choose a file to import, or paste a table');
    const people = await this.plans.people();
    const themes = await this.repo.themes(plan.id);
    const { format, interpretation } = await this.tables.run({
      kind: 'work-plan',
      bytes: file.buffer,
      fileName: file.originalname ?? '',
      context: {
        members: people.members.map((m) => [m.userId, m.displayName]),
        roles: people.roles.map(({ title, personName }) => ({ title, personName })),
        existingThemes: themes.map((t) => t.title),
        periodStart: plan.periodStart,
        columns: options.columns,
        defaultTheme: options.defaultTheme,
      },
    });
    return { format, result: interpretation };
  }

  private requireDraft(plan: WorkPlan): void {
    if (plan.status === 'approved') {
      throw new DomainException(
        'conflict',
        'The board has approved this plan: import into a draft plan, or add items one by one with the reason for each change.',
      );
    }
  }

  async preview(planId: string, file: UploadedTable | undefined, rawOptions: unknown): Promise<ImportPreviewDto> {
    const plan = await this.plans.requirePlan(planId);
    this.requireDraft(plan);
    const { format, result } = await this.interpret(plan, file, rawOptions);
    return {
      format,
      columns: result.columns,
      rows: result.rows.map(({ themeDescription: _d, resolvedLeads: _l, parsedTimescale: _p, ...row }) => row),
      themes: result.themes,
      summary: result.summary,
      fileProblems: result.fileProblems,
      notes: result.notes,
      ok: result.ok,
    };
  }

  /** Imports every row, or none: any problem answers 400 naming the rows, and nothing is written. */
  async import(planId: string, file: UploadedTable | undefined, rawOptions: unknown, actor: Actor): Promise<ImportResultDto> {
    const plan = await this.plans.requirePlan(planId);
    this.requireDraft(plan);
    const { result } = await this.interpret(plan, file, rawOptions);
    if (result.fileProblems.length) {
      throw new DomainException(
        'validation_failed',
        result.fileProblems[0],
        result.fileProblems.map((message) => ({ field: 'file', message })),
      );
    }
    const rowErrors = result.rows.flatMap((row, index) =>
      row.problems
        .filter((p) => p.severity === 'error')
        .map((p) => ({ field: `rows.${index}.${p.field}`, message: `Row ${row.row}${row.sheet ? ` of ${row.sheet}` : ''}: ${p.message}` })),
    );
    if (rowErrors.length) {
      const rowsWithErrors = new Set(rowErrors.map((e) => e.field.split('.')[1])).size;
      throw new DomainException(
        'validation_failed',
        `${rowsWithErrors} ${rowsWithErrors === 1 ? 'row has' : 'rows have'} problems, so nothing was imported. ${rowErrors[0].message}`,
        rowErrors,
      );
    }
    return this.write(plan, result, actor);
  }

  private async write(plan: WorkPlan, result: Interpretation, actor: Actor): Promise<ImportResultDto> {
    const em = RequestScopes.em();
    const today = todayIso();
    const themes = await this.repo.themes(plan.id);
    const objectives = await this.repo.objectives({ planId: plan.id });
    const existingItems = await this.repo.itemRows({ planId: plan.id });
    const themeByTitle = new Map(themes.map((t) => [t.title.toLowerCase(), t]));
    const objectiveByKey = new Map(objectives.map((o) => [`${o.themeId}\u0000${o.number}\u0000${o.title.toLowerCase()}`, o]));
    const nextPosition = new Map<string, number>();
    const bump = (key: string, start: number) => {
      const position = nextPosition.get(key) ?? start;
      nextPosition.set(key, position + 1);
      return position;
    };
    for (const t of themes) nextPosition.set('themes', Math.max(nextPosition.get('themes') ?? 0, t.position + 1));
    for (const o of objectives)
      nextPosition.set(`objectives:${o.themeId}`, Math.max(nextPosition.get(`objectives:${o.themeId}`) ?? 0, o.position + 1));
    for (const i of existingItems)
      nextPosition.set(`items:${i.themeId}:${i.objectiveId}`, Math.max(nextPosition.get(`items:${i.themeId}:${i.objectiveId}`) ?? 0, i.position + 1));

    for (const row of result.rows) {
      let theme = themeByTitle.get(row.theme.toLowerCase());
      if (!theme) {
        theme = Object.assign(new WorkPlanTheme(), {
          networkId: plan.networkId,
          planId: plan.id,
          title: row.theme,
          description: row.themeDescription,
          position: bump('themes', 0),
        });
        em.persist(theme);
        themeByTitle.set(row.theme.toLowerCase(), theme);
      }
      let objective: WorkPlanObjective | null = null;
      if (row.objective) {
        const key = `${theme.id}\u0000${row.objective.number}\u0000${row.objective.title.toLowerCase()}`;
        objective = objectiveByKey.get(key) ?? null;
        if (!objective) {
          objective = Object.assign(new WorkPlanObjective(), {
            networkId: plan.networkId,
            planId: plan.id,
            themeId: theme.id,
            number: row.objective.number,
            title: row.objective.title,
            position: bump(`objectives:${theme.id}`, 0),
          });
          em.persist(objective);
          objectiveByKey.set(key, objective);
        }
      }
      const item = Object.assign(new WorkItem(), {
        networkId: plan.networkId,
        planId: plan.id,
        themeId: theme.id,
        objectiveId: objective?.id ?? null,
        position: bump(`items:${theme.id}:${objective?.id ?? null}`, 0),
        reference: row.reference || null,
        work: row.work,
        measures: row.measures,
        steps: row.steps,
        timescaleText: row.timescale.text,
        timescale: row.parsedTimescale,
        timescaleFlag: row.timescale.flag,
        dueOn: row.parsedTimescale.due ?? null,
        originalTimescaleText: row.timescale.text,
        originalDueOn: row.parsedTimescale.due ?? null,
      });
      em.persist(item);
      row.resolvedLeads.forEach((lead, position) =>
        em.persist(
          Object.assign(new WorkItemLead(), { networkId: plan.networkId, itemId: item.id, userId: lead.userId, title: lead.title, position }),
        ),
      );
      if (row.status !== 'not_started') {
        item.status = row.status;
        item.statusOn = today;
        em.persist(
          Object.assign(new WorkItemProgress(), {
            networkId: plan.networkId,
            itemId: item.id,
            onDate: today,
            status: row.status,
            narrative: 'Status given in the imported table.',
            authorUserId: actor.userId,
            authorName: actor.name,
          }),
        );
      }
    }
    await em.flush();
    return {
      planId: plan.id,
      imported: result.rows.length,
      themes: result.themes.length,
      objectives: result.summary.objectives,
      flaggedTimescales: result.summary.flaggedTimescales,
    };
  }
}
