export interface AuditChangeDto {
  from: unknown;
  to: unknown;
}

export interface AuditEventDto {
  id: string;
  occurredAt: string;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  actor: { userId: string; displayName: string } | null;
  changes: Record<string, AuditChangeDto>;
}

export interface AuditPageDto {
  items: AuditEventDto[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: string | null;
}
