import { Migration } from '@mikro-orm/migrations';

const ROLES_BEFORE = `'manager', 'lead', 'contributor', 'viewer'`;
const ROLES = `'manager', 'lead', 'contributor', 'viewer', 'commissioner'`;

/**
 * The commissioner role (issue 11): a person at an ICB or NHS England specialised commissioning whom a network invites
 * to read its reports, and nothing else. Memberships and invites may hold it; the rule that a contributor names a
 * member organisation (`membership_check`, `invite_check`) is unchanged.
 */
export class Migration20261203080000_commissioner_role extends Migration {
  override async up(): Promise<void> {
    for (const table of ['membership', 'invite']) {
      this.addSql(`alter table ${table} drop constraint ${table}_role_check`);
      this.addSql(`alter table ${table} add constraint ${table}_role_check check (role in (${ROLES}))`);
    }
  }

  override async down(): Promise<void> {
    // Fails while a commissioner membership or invite exists: remove them first, on purpose.
    for (const table of ['membership', 'invite']) {
      this.addSql(`alter table ${table} drop constraint ${table}_role_check`);
      this.addSql(`alter table ${table} add constraint ${table}_role_check check (role in (${ROLES_BEFORE}))`);
    }
  }
}
