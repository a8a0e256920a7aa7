import { Inject, Injectable } from '@nestjs/common';
import type { DocumentLinkDto, UnsubscribePreviewDto } from '@plexus/contracts';
import {
  DOCUMENT_STORAGE,
  DocumentLink,
  DocumentLinkDownload,
  Network,
  ReportDelivery,
  ReportDocument,
  ReportRun,
  ReportSchedule,
  ReportScheduleUnsubscribe,
  RequestScopes,
  TenantDb,
  type DocumentStorage,
} from '@plexus/server';
import { createHash } from 'node:crypto';
import { DomainException } from '../core/http/domain.exception';
import { AttemptLimiter, type AttemptBucket } from '../core/rate-limit/attempt-limiter.service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{40,60}$/;

/**
 * What emailed tokens open without a sign-in: a signed document link (download, logged) and one-click unsubscribe.
 * Every use goes through the atomic attempt limiter (per token and per address) before the token is looked up; a
 * wrong, altered or unknown token answers 404 like a missing network, an expired or revoked link 410 saying so.
 * The network comes from the URL; the token is looked up only inside it (RLS), stored only as its hash.
 */
@Injectable()
export class PublicLinksService {
  constructor(
    private readonly db: TenantDb,
    private readonly attempts: AttemptLimiter,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  private buckets(token: string, ip: string): AttemptBucket[] {
    return [
      { policy: 'link.token', key: sha256(token) },
      { policy: 'link.address', key: ip },
    ];
  }

  private async enter(networkSlug: string): Promise<Network | null> {
    const em = RequestScopes.em();
    const network = await em.findOne(Network, { slug: networkSlug });
    if (!network) return null;
    const scope = RequestScopes.current();
    if (!scope) throw new Error('runs inside TenantDb.run');
    await this.db.enterNetwork(scope, { networkId: network.id, networkSlug: network.slug, role: null, organisationId: null });
    return network;
  }

  private async findLink(networkSlug: string, token: string): Promise<{ network: Network; link: DocumentLink; doc: ReportDocument }> {
    if (!TOKEN.test(token)) throw DomainException.notFound('link');
    const network = await this.enter(networkSlug);
    if (!network) throw DomainException.notFound('link');
    const em = RequestScopes.em();
    const link = await em.findOne(DocumentLink, { tokenHash: sha256(token) });
    const doc = link ? await em.findOne(ReportDocument, { id: link.documentId }) : null;
    if (!link || !doc || doc.status !== 'ready' || !doc.storageKey) throw DomainException.notFound('link');
    if (doc.withdrawnAt) throw new DomainException('gone', `This report was withdrawn by ${network.name}. Ask them for the current version.`);
    if (link.revokedAt) throw new DomainException('gone', `This link was withdrawn by ${network.name}. Ask them for a new copy of the report.`);
    if (link.expiresAt <= new Date()) {
      const on = link.expiresAt.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
      throw new DomainException('gone', `This link expired on ${on}. Ask ${network.name} for a new copy of the report.`);
    }
    return { network, link, doc };
  }

  preview(networkSlug: string, token: string, ip: string): Promise<DocumentLinkDto> {
    return this.attempts.attempt(this.buckets(token, ip), () =>
      this.db.run({ userId: null }, async () => {
        const { network, link, doc } = await this.findLink(networkSlug, token);
        return {
          networkName: network.name,
          title: doc.title,
          sizeBytes: doc.sizeBytes,
          pageCount: doc.pageCount,
          generatedAt: doc.finishedAt ? doc.finishedAt.toISOString() : null,
          expiresAt: link.expiresAt.toISOString(),
          sha256: doc.sha256,
        };
      }),
    );
  }

  /** The PDF; each download is written to the delivery log (when, from which address). */
  download(networkSlug: string, token: string, ip: string, userAgent: string): Promise<{ doc: ReportDocument; bytes: Buffer }> {
    return this.attempts.attempt(this.buckets(token, ip), () =>
      this.db.run({ userId: null }, async () => {
        const { link, doc } = await this.findLink(networkSlug, token);
        const bytes = await this.storage.get(doc.storageKey as string);
        const em = RequestScopes.em();
        em.persist(
          Object.assign(new DocumentLinkDownload(), {
            networkId: link.networkId,
            linkId: link.id,
            ipAddress: ip.slice(0, 100),
            userAgent: userAgent.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 300),
          }),
        );
        await em.flush();
        return { doc, bytes };
      }),
    );
  }

  private async findDelivery(networkSlug: string, token: string) {
    if (!TOKEN.test(token)) throw DomainException.notFound('unsubscribe link');
    const network = await this.enter(networkSlug);
    if (!network) throw DomainException.notFound('unsubscribe link');
    const em = RequestScopes.em();
    const delivery = await em.findOne(ReportDelivery, { unsubscribeTokenHash: sha256(token) });
    if (!delivery) throw DomainException.notFound('unsubscribe link');
    const run = await em.findOneOrFail(ReportRun, { id: delivery.runId });
    const schedule = await em.findOneOrFail(ReportSchedule, { id: run.scheduleId });
    const existing = delivery.recipientId
      ? await em.findOne(ReportScheduleUnsubscribe, { scheduleId: schedule.id, recipientId: delivery.recipientId })
      : null;
    return { network, delivery, schedule, existing };
  }

  previewUnsubscribe(networkSlug: string, token: string, ip: string): Promise<UnsubscribePreviewDto> {
    return this.attempts.attempt(this.buckets(token, ip), () =>
      this.db.run({ userId: null }, async () => {
        const { network, delivery, schedule, existing } = await this.findDelivery(networkSlug, token);
        return {
          networkName: network.name,
          scheduleName: schedule.name,
          email: delivery.toAddress,
          unsubscribed: !!existing || !delivery.recipientId,
        };
      }),
    );
  }

  /** One click (RFC 8058): this recipient leaves this schedule only. Doing it twice is the same as once. */
  unsubscribe(networkSlug: string, token: string, ip: string): Promise<UnsubscribePreviewDto> {
    return this.attempts.attempt(this.buckets(token, ip), () =>
      this.db.run({ userId: null }, async () => {
        const { network, delivery, schedule, existing } = await this.findDelivery(networkSlug, token);
        if (!existing && delivery.recipientId) {
          const em = RequestScopes.em();
          em.persist(
            Object.assign(new ReportScheduleUnsubscribe(), {
              networkId: delivery.networkId,
              scheduleId: schedule.id,
              recipientId: delivery.recipientId,
              deliveryId: delivery.id,
            }),
          );
          await em.flush();
        }
        return { networkName: network.name, scheduleName: schedule.name, email: delivery.toAddress, unsubscribed: true };
      }),
    );
  }
}
