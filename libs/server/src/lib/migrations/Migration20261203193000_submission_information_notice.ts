import { Migration } from '@mikro-orm/migrations';

/**
 * A request for more information about a submission is emailed to the organisation's contributors with its reason,
 * recorded beside the chasers as step `information-v<N>` (N: the version the network asked about), so that it is sent
 * once per request however often the request is tried.
 */
export class Migration20261203193000_submission_information_notice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table submission_chaser drop constraint submission_chaser_step_check`);
    this.addSql(`alter table submission_chaser add constraint submission_chaser_step_check
      check (step ~ '^(before-[1-9][0-9]?d|overdue|information-v[1-9][0-9]{0,5})$')`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from submission_chaser where step like 'information-v%'`);
    this.addSql(`alter table submission_chaser drop constraint submission_chaser_step_check`);
    this.addSql(`alter table submission_chaser add constraint submission_chaser_step_check check (step ~ '^(before-[1-9][0-9]?d|overdue)$')`);
  }
}
