import { Inject, Injectable } from '@nestjs/common';
import {
  acceptInviteNewAccountSchema,
  type AcceptInviteRequest,
  type CreateInviteRequest,
  type CreatedInviteDto,
  type InviteDto,
  type InvitePreviewDto,
  type SessionResponse,
} from '@plexus/contracts';
import { formatIsoDateLong, ROLE_LABELS, roleNeedsOrganisation, type MembershipRole } from '@plexus/domain';
import { AppUser, Invite, MemberOrganisation, Membership, Network, RequestScopes, TenantDb, type AppConfig } from '@plexus/server';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG } from '@plexus/server';
import type { AuthContext } from '../auth/auth.types';
import { PasswordService } from '../auth/password.service';
import { DomainException } from '../core/http/domain.exception';
import { zodFieldErrors } from '../core/http/zod';
import { AttemptLimiter, type AttemptBucket } from '../core/rate-limit/attempt-limiter.service';
import { EmailOutboxService } from '../email/email-outbox.service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function inviteStatus(invite: Invite, now = new Date()): InviteDto['status'] {
  if (invite.acceptedAt) return 'accepted';
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  return 'pending';
}

export function toInviteDto(i: Invite): InviteDto {
  return {
    id: i.id,
    email: i.email,
    displayName: i.displayName,
    role: i.role,
    organisationId: i.organisationId,
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    status: inviteStatus(i),
  };
}

/** One-time invite links: the token is shown once and stored only as a hash; it expires and is single-use. */
@Injectable()
export class InviteService {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordService,
    private readonly outbox: EmailOutboxService,
    private readonly attempts: AttemptLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every use of an invite link is counted per link and per client address before the link is looked up. */
  private buckets(token: string, ip: string): AttemptBucket[] {
    return [
      { policy: 'invite.token', key: sha256(token) },
      { policy: 'invite.address', key: ip },
    ];
  }

  /** Creates an invite in the current network (manager route, or the operator creating a network). */
  async create(input: Required<CreateInviteRequest>, invitedBy: string | null, networkName: string, networkSlug: string): Promise<CreatedInviteDto> {
    const em = RequestScopes.em();
    const networkId = RequestScopes.networkId();
    const role = input.role as MembershipRole;
    if (roleNeedsOrganisation(role) && !input.organisationId) {
      throw DomainException.field('organisationId', 'Choose the organisation this contributor works for');
    }
    if (input.organisationId && !(await em.findOne(MemberOrganisation, { id: input.organisationId }))) {
      throw DomainException.field('organisationId', 'That organisation is not in this network');
    }
    const existing = await em.findOne(AppUser, { email: input.email });
    if (existing && (await em.findOne(Membership, { userId: existing.id }))) {
      throw DomainException.field('email', `${input.email} is already a member of this network`, 'conflict');
    }
    // One pending invite per address and network: two managers inviting at once wait for each other here.
    await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`invite:${networkId}:${input.email}`]);
    const pending = await em.findOne(Invite, { email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } });
    if (pending) {
      throw DomainException.field(
        'email',
        `${input.email} already has an invite to this network waiting to be accepted (open until ${formatIsoDateLong(pending.expiresAt.toISOString().slice(0, 10))}). Withdraw that invite to send a new one.`,
        'conflict',
      );
    }
    const token = randomBytes(32).toString('base64url');
    const invite = Object.assign(new Invite(), {
      networkId,
      email: input.email,
      displayName: input.displayName,
      role,
      organisationId: input.organisationId ?? null,
      tokenHash: sha256(token),
      invitedBy,
      expiresAt: new Date(Date.now() + this.config.INVITE_TTL_DAYS * 86400_000),
    });
    em.persist(invite);
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/invite/${networkSlug}/${token}`;
    this.outbox.queue({
      kind: 'invite',
      to: input.email,
      subject: `You are invited to ${networkName} on Plexus`,
      bodyText: [
        `Hello ${input.displayName},`,
        '',
        `You have been invited to join ${networkName} on Plexus as ${ROLE_LABELS[role].toLowerCase()}.`,
        '',
        `Accept the invitation here (the link works once, until ${invite.expiresAt.toUTCString()}):`,
        url,
        '',
        'If you were not expecting this, you can ignore this email.',
      ].join('\n'),
    });
    await em.flush();
    return { ...toInviteDto(invite), url };
  }

  private async findByToken(networkSlug: string, token: string): Promise<{ network: Network; invite: Invite } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const em = RequestScopes.em();
    const network = await em.findOne(Network, { slug: networkSlug });
    if (!network) return null;
    const scope = RequestScopes.current();
    if (!scope) throw new Error('findByToken runs inside TenantDb.run');
    await this.db.enterNetwork(scope, { networkId: network.id, networkSlug: network.slug, role: null, organisationId: null });
    const invite = await em.findOne(Invite, { tokenHash: sha256(token) });
    return invite ? { network, invite } : null;
  }

  private usable(found: { invite: Invite } | null): asserts found is { network: Network; invite: Invite } {
    if (!found) throw DomainException.notFound('invite');
    const status = inviteStatus(found.invite);
    if (status !== 'pending') {
      throw new DomainException(
        'gone',
        `This invite has ${status === 'accepted' ? 'already been used' : status === 'revoked' ? 'been withdrawn' : 'expired'}. Ask your network manager for a new one.`,
      );
    }
  }

  /**
   * What the link is for. It says nothing about whether the email has an account (the same shape either
   * way), so a link cannot be used to find out who uses Plexus.
   */
  preview(networkSlug: string, token: string, ip: string): Promise<InvitePreviewDto> {
    return this.attempts.attempt([this.buckets(token, ip)[1]], () =>
      this.db.run({ userId: null }, async () => {
        const found = await this.findByToken(networkSlug, token);
        this.usable(found);
        return {
          networkName: found.network.name,
          networkSlug: found.network.slug,
          email: found.invite.email,
          displayName: found.invite.displayName,
          role: found.invite.role,
          expiresAt: found.invite.expiresAt.toISOString(),
        };
      }),
    );
  }

  /**
   * Accepts an invite. An email with no account: creates it with the name and password given. An email that
   * already has an account: only that account's own session may accept (no password is ever checked here,
   * so an invite cannot be used to guess one); anyone else is told to sign in first.
   */
  accept(networkSlug: string, token: string, input: AcceptInviteRequest, caller: AuthContext | undefined, ip: string): Promise<{ userId: string }> {
    return this.attempts.attempt(this.buckets(token, ip), () => this.acceptOnce(networkSlug, token, input, caller));
  }

  private acceptOnce(networkSlug: string, token: string, input: AcceptInviteRequest, caller: AuthContext | undefined): Promise<{ userId: string }> {
    return this.db.run({ userId: null }, async (scope) => {
      const { em } = scope;
      const found = await this.findByToken(networkSlug, token);
      this.usable(found);
      const { invite } = found;
      let user = await em.findOne(AppUser, { email: invite.email });
      if (user) {
        if (!caller) {
          throw new DomainException(
            'sign_in_required',
            `There is already a Plexus account for ${invite.email}. Sign in to it first, then accept the invite.`,
          );
        }
        if (caller.user.id !== user.id) {
          throw new DomainException(
            'wrong_account',
            `This invite is for ${invite.email}, but you are signed in as ${caller.user.email}. Sign out, then sign in as ${invite.email} to accept it.`,
          );
        }
      } else {
        const parsed = acceptInviteNewAccountSchema.safeParse(input);
        if (!parsed.success) {
          const fields = zodFieldErrors(parsed.error);
          throw new DomainException('validation_failed', `Check ${fields.map((f) => f.field).join(', ')}: ${fields[0].message}`, fields);
        }
        user = Object.assign(new AppUser(), {
          email: invite.email,
          displayName: parsed.data.displayName,
          passwordHash: await this.passwords.hash(parsed.data.password),
        });
        em.persist(user);
        await em.flush();
      }
      scope.userId = user.id;
      await em.execute(`select set_config('app.user_id', ?, true)`, [user.id]);
      const membership = Object.assign(new Membership(), {
        networkId: invite.networkId,
        userId: user.id,
        role: invite.role,
        organisationId: invite.organisationId,
      });
      em.persist(membership);
      invite.acceptedAt = new Date();
      invite.acceptedBy = user.id;
      await em.flush();
      return { userId: user.id };
    });
  }

  list(): Promise<Invite[]> {
    return RequestScopes.em().find(Invite, {}, { orderBy: { createdAt: 'desc' } });
  }

  async revoke(id: string): Promise<void> {
    const em = RequestScopes.em();
    const invite = await em.findOne(Invite, { id });
    if (!invite) throw DomainException.notFound('invite');
    if (inviteStatus(invite) !== 'pending') throw new DomainException('conflict', `This invite is already ${inviteStatus(invite)}`);
    invite.revokedAt = new Date();
    await em.flush();
  }
}

export type { AcceptInviteRequest, SessionResponse };
