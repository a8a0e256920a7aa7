import { Migration } from '@mikro-orm/migrations';

const KINDS_BEFORE = `'progress', 'risk_register', 'board_paper', 'distribution_record', 'board_pack', 'annual_report'`;
const KINDS = `${KINDS_BEFORE}, 'peer_review_report', 'peer_review_summary'`;
/** The organisation a contributor acts for, set by plexus_enter for contributors only ('' for everyone else). */
const CURRENT_ORGANISATION = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
/** A document holding organisations' peer review results is not a contributor's to read; everyone else is not narrowed. */
const NOT_FOR_CONTRIBUTORS = `(not hidden_from_contributors or ${CURRENT_ORGANISATION} is null)`;

/**
 * The peer review report PDFs (issue 9, item 7): two report kinds — one organisation's review in a cycle
 * (`peer_review_report`) and the programme summary across a cycle's organisations (`peer_review_summary`) — added to
 * every kind there was (board packs, annual reports and distribution records included). A document that holds member
 * organisations' peer review results (either kind, a board paper carrying one, a pack holding such a paper) is marked
 * `hidden_from_contributors` when asked for: a restrictive policy keeps it from a contributor's transaction, as the
 * self-assessments, reviews and actions it was made from are kept to their own organisation's.
 */
export class Migration20261204090000_peer_review_report_kinds extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table report_document drop constraint report_document_kind_check`,
      `alter table report_document add constraint report_document_kind_check check (kind in (${KINDS}))`,
      `alter table report_document add column hidden_from_contributors boolean not null default false`,
      `create policy report_document_not_for_contributors on report_document as restrictive using (${NOT_FOR_CONTRIBUTORS}) with check (${NOT_FOR_CONTRIBUTORS})`,
    ];
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy if exists report_document_not_for_contributors on report_document`);
    this.addSql(`alter table report_document drop column if exists hidden_from_contributors`);
    this.addSql(`delete from report_document where kind in ('peer_review_report', 'peer_review_summary')`);
    this.addSql(`alter table report_document drop constraint report_document_kind_check`);
    this.addSql(`alter table report_document add constraint report_document_kind_check check (kind in (${KINDS_BEFORE}))`);
  }
}
