import { can, SCHEDULE_TIME_ZONE, todayIso } from '@plexus/domain';
import { RequestScopes } from '@plexus/server';

/**
 * Who is asking, as peer review sees it: a contributor acts for one organisation and sees and changes only its
 * submissions (`organisationId`); everyone else who reads the network sees every organisation's (`organisationId`
 * null). RLS narrows a contributor's transaction to the same organisation underneath (`app.organisation_id`).
 */
export function peerReviewCaller() {
  const tenant = RequestScopes.tenant();
  const contributor = tenant.role === 'contributor';
  return {
    slug: tenant.networkSlug,
    userId: RequestScopes.current()?.userId ?? null,
    today: todayIso(SCHEDULE_TIME_ZONE),
    /** The organisation a contributor is kept to; null for roles that see every organisation. */
    organisationId: contributor ? (tenant.organisationId ?? '00000000-0000-4000-8000-000000000000') : null,
    canManage: can(tenant.role, 'peer-review.manage'),
    canSubmit: can(tenant.role, 'peer-review.submit'),
  };
}
export type PeerReviewCaller = ReturnType<typeof peerReviewCaller>;

/** A person as a record names them: their user id while they have an account, else "Former member". */
export function personRefOf(userId: string | null, names: Map<string, string>): { userId: string | null; name: string } | null {
  if (!userId) return null;
  const name = names.get(userId);
  return name ? { userId, name } : { userId: null, name: 'Former member' };
}
