import type { SweepIds } from './registry';

export const foundationSweepIds: SweepIds = async (manager, fx) => {
  const invite = await manager.post(`/api/networks/${fx.network.slug}/invites`, {
    email: `x@${fx.network.slug}.example.org`,
    displayName: 'X',
    role: 'viewer',
  });
  if (invite.status !== 201) throw new Error(`sweep set-up: invite ${invite.status}`);
  return { network: fx.network.slug, memberId: fx.users.viewer.membershipId, inviteId: invite.body.id };
};
