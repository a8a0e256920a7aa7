import { Entity, Property } from '@mikro-orm/core';
import type { OrganisationType } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

@Entity({ tableName: 'member_organisation' })
export class MemberOrganisation extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', fieldName: 'org_type' })
  type!: OrganisationType;

  @Property({ type: 'integer' })
  position = 0;
}
