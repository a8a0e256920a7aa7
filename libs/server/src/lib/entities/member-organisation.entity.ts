import { Entity, Property } from '@mikro-orm/core';
import type { OrganisationType } from '@plexus/domain';
import { TenantEntity } from './tenant-entity';

@Entity({ tableName: 'member_organisation' })
export class MemberOrganisation extends TenantEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', fieldName: 'org_type' })
  type!: OrganisationType;

  @Property({ type: 'integer' })
  position = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
