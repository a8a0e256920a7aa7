import { Injectable } from '@nestjs/common';
import type { WorkItemSummaryDto, WorkPlanDto, WorkPlanObjectiveDto, WorkPlanThemeDto } from '@plexus/contracts';
import { RAG_INFO, WORK_ITEM_STATUS_LABELS, formatIsoDateLong, slugify } from '@plexus/domain';
import { addExportRow, newWorkbook, RequestScopes, toCsv, workbookBytes } from '@plexus/server';
import type { Worksheet } from 'exceljs';
import { WorkPlanService } from '../work-plan.service';
import type { Actor } from '../work-plan.types';

export type ExportFormat = 'xlsx' | 'csv';
export type ExportLayout = 'themes' | 'flat';

/**
 * The columns of an export. The first ten, and the item's reference (the last), re-import to the same plan (their
 * headers are what the import guesses); the others are for reading (colour today, lateness, latest update) and
 * are passed over on import.
 */
export const EXPORT_COLUMNS = [
  'Theme',
  'Theme description',
  'Objective no.',
  'Objective',
  'Work',
  'Measures of success',
  'Steps',
  'Timescale',
  'Leads',
  'Status',
  'Original timescale',
  'Colour (BRAG)',
  'Days past target',
  'Latest update',
  'Latest update on',
  'Ref',
] as const;

const WIDTHS = [24, 30, 8, 40, 50, 40, 40, 18, 30, 12, 18, 18, 10, 50, 14, 8];

interface ExportRow {
  theme: WorkPlanThemeDto;
  objective: WorkPlanObjectiveDto | null;
  item: WorkItemSummaryDto;
}

/** Theme by theme: the items straight under the theme first, then each objective's (so re-import places them the same). */
export function exportRows(plan: WorkPlanDto): ExportRow[] {
  return plan.themes.flatMap((theme) => [
    ...theme.items.map((item) => ({ theme, objective: null, item })),
    ...theme.objectives.flatMap((objective) => objective.items.map((item) => ({ theme, objective, item }))),
  ]);
}

export function exportCells({ theme, objective, item }: ExportRow): string[] {
  return [
    theme.title,
    theme.description,
    objective?.number ?? '',
    objective?.title ?? '',
    item.work,
    item.measures.join('\n'),
    item.steps.join('\n'),
    item.timescale.text,
    item.leads.map((l) => l.label).join('; '),
    WORK_ITEM_STATUS_LABELS[item.status],
    item.timescale.original.text,
    `${RAG_INFO[item.rag].label} – ${RAG_INFO[item.rag].meaning}`,
    item.late.slipped ? String(item.late.daysLate) : '',
    item.latestUpdate?.narrative ?? '',
    item.latestUpdate?.on ?? '',
    item.ref,
  ];
}

/** Excel sheet names: 31 characters at most, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 28) || 'Theme';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27 - String(n).length)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function addTable(sheet: Worksheet, rows: ExportRow[]): void {
  sheet.columns = EXPORT_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDEE' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const added = addExportRow(sheet, exportCells(row));
    added.alignment = { vertical: 'top', wrapText: true };
    const info = RAG_INFO[row.item.rag];
    const colour = added.getCell(EXPORT_COLUMNS.indexOf('Colour (BRAG)') + 1);
    colour.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${info.colour.slice(1).toUpperCase()}` } };
    colour.font = { color: { argb: `FF${info.textColour.slice(1).toUpperCase()}` }, bold: true };
  }
}

/** Downloads of a plan: Excel (one sheet per theme, or one flat sheet) and CSV, both re-importable. */
@Injectable()
export class WorkPlanExportService {
  constructor(private readonly plans: WorkPlanService) {}

  async export(
    planId: string,
    format: ExportFormat,
    layout: ExportLayout,
    actor: Actor,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const plan = await this.plans.get(planId, actor);
    const rows = exportRows(plan);
    const fileName = `${slugify(`${RequestScopes.tenant().networkSlug} ${plan.title}`).slice(0, 80) || 'work-plan'}-${plan.asOf}.${format}`;
    if (format === 'csv') {
      return { bytes: Buffer.from(toCsv([[...EXPORT_COLUMNS], ...rows.map(exportCells)]), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName };
    }
    const workbook = newWorkbook();
    const summary = workbook.addWorksheet('Plan');
    summary.columns = [{ width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
    addExportRow(summary, [plan.title]).font = { bold: true, size: 14 };
    addExportRow(summary, [`${formatIsoDateLong(plan.periodStart)} to ${formatIsoDateLong(plan.periodEnd)}`]);
    addExportRow(summary, [
      plan.status === 'approved' && plan.approvedOn ? `Approved by the board on ${formatIsoDateLong(plan.approvedOn)}` : 'Draft',
    ]);
    addExportRow(summary, [`Colours as of ${formatIsoDateLong(plan.asOf)}`]);
    addExportRow(summary, []);
    addExportRow(summary, ['Theme', 'Items', 'Blue', 'Green', 'Amber', 'Red', 'Slipped or overdue']).font = { bold: true };
    for (const theme of plan.themes) {
      const c = theme.counts;
      addExportRow(summary, [theme.title, c.items, c.rag.blue, c.rag.green, c.rag.amber, c.rag.red, c.slipped]);
    }
    if (layout === 'flat') {
      addTable(workbook.addWorksheet('Work plan'), rows);
    } else {
      const taken = new Set(['plan']);
      for (const theme of plan.themes)
        addTable(
          workbook.addWorksheet(sheetName(theme.title, taken)),
          rows.filter((r) => r.theme.id === theme.id),
        );
    }
    const bytes = await workbookBytes(workbook);
    return { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName };
  }
}
