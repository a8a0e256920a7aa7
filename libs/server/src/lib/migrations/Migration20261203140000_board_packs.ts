import { Migration } from '@mikro-orm/migrations';

/**
 * Board packs and risk reviews at board meetings (issue 10, items 2 and 3). A board pack (one PDF: front page, agenda,
 * contents, then every paper of a meeting) is a report kind like the others. A risk review can name the board meeting
 * it was done at (same network, by the keys; cleared if the meeting is deleted).
 */
export class Migration20261203140000_board_packs extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `alter table report_document drop constraint report_document_kind_check`,
      `alter table report_document add constraint report_document_kind_check check (kind in ('progress', 'risk_register', 'board_paper', 'distribution_record', 'board_pack'))`,
      // The packs of one meeting, newest first (the meeting page shows the latest).
      `create index report_document_board_pack_idx on report_document (network_id, (options #>> '{options,meetingId}'), requested_at desc) where kind = 'board_pack'`,
      `alter table risk_review add column board_meeting_id uuid`,
      `alter table risk_review add constraint risk_review_board_meeting_fk foreign key (network_id, board_meeting_id)
        references board_meeting (network_id, id) on delete set null (board_meeting_id) deferrable initially deferred`,
      `create index risk_review_board_meeting_idx on risk_review (network_id, board_meeting_id) where board_meeting_id is not null`,
    ];
    for (const s of sql) this.addSql(s);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists risk_review_board_meeting_idx`);
    this.addSql(`alter table risk_review drop column if exists board_meeting_id`);
    this.addSql(`drop index if exists report_document_board_pack_idx`);
    this.addSql(`delete from report_document where kind = 'board_pack'`);
    this.addSql(`alter table report_document drop constraint report_document_kind_check`);
    this.addSql(
      `alter table report_document add constraint report_document_kind_check check (kind in ('progress', 'risk_register', 'board_paper', 'distribution_record'))`,
    );
  }
}
