import { AppUser } from './app-user.entity';
import { AuditEvent } from './audit-event.entity';
import { EmailOutbox } from './email-outbox.entity';
import { Invite } from './invite.entity';
import { LeadershipRole } from './leadership-role.entity';
import { MemberOrganisation } from './member-organisation.entity';
import { Membership } from './membership.entity';
import { Network } from './network.entity';
import { NetworkProfile } from './network-profile.entity';
import { StoredFile } from './stored-file.entity';
import { TenantEntity } from './tenant-entity';
import { UserSession } from './user-session.entity';
import { WORK_PLAN_AUDITED_TYPES, WORK_PLAN_ENTITIES, WORK_PLAN_TENANT_ENTITIES } from '../work-plan/entities';
import { RISK_AUDITED_TYPES, RISK_ENTITIES, RISK_TENANT_ENTITIES } from '../risk/entities';
import { REPORT_AUDITED_TYPES, REPORT_ENTITIES, REPORT_TENANT_ENTITIES } from '../report/entities';

export { AppUser, AuditEvent, EmailOutbox, Invite, LeadershipRole, MemberOrganisation, Membership, Network, NetworkProfile, StoredFile, TenantEntity, UserSession };
export type { AuditAction, AuditChanges } from './audit-event.entity';
export type { EmailStatus } from './email-outbox.entity';

export const ENTITIES = [
  TenantEntity, AppUser, Network, UserSession, Membership, MemberOrganisation, LeadershipRole, NetworkProfile, StoredFile, Invite, AuditEvent, EmailOutbox,
  ...WORK_PLAN_ENTITIES,
  ...RISK_ENTITIES,
  ...REPORT_ENTITIES,
];

/** Entities whose rows belong to one network: filtered by the ORM, enforced by RLS, audited on every change. */
export const TENANT_ENTITIES = [
  Membership, MemberOrganisation, LeadershipRole, NetworkProfile, StoredFile, Invite, EmailOutbox, AuditEvent,
  ...WORK_PLAN_TENANT_ENTITIES,
  ...RISK_TENANT_ENTITIES,
  ...REPORT_TENANT_ENTITIES,
];

/** Entity name → the record type shown in the audit trail. AuditEvent itself is not audited. */
export const AUDITED_ENTITY_TYPES: Record<string, string> = {
  Membership: 'membership',
  MemberOrganisation: 'member_organisation',
  LeadershipRole: 'leadership_role',
  NetworkProfile: 'network_profile',
  StoredFile: 'file',
  Invite: 'invite',
  ...WORK_PLAN_AUDITED_TYPES,
  ...RISK_AUDITED_TYPES,
  ...REPORT_AUDITED_TYPES,
};
