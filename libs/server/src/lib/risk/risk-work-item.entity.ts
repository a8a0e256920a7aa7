import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A work item that mitigates a risk. */
@Entity({ tableName: 'risk_work_item' })
export class RiskWorkItem extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'uuid' })
  workItemId!: string;
}
