import { Injectable } from '@nestjs/common';
import type { DistributionListDto, distributionListInputSchema, RecipientDto, recipientInputSchema } from '@plexus/contracts';
import { DistributionList, DistributionListMember, NetworkRepository, Recipient, RecipientRepository, RequestScopes } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { toDistributionListDto, toRecipientDto } from './recipients.mapper';

type RecipientInput = z.output<typeof recipientInputSchema>;
type ListInput = z.output<typeof distributionListInputSchema>;

/** The network's recipients and distribution lists: the rules (organisation in this network, unique email and list name). */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly repo: RecipientRepository,
    private readonly networks: NetworkRepository,
  ) {}

  async listRecipients(): Promise<RecipientDto[]> {
    const [recipients, orgs, memberships] = await Promise.all([this.repo.recipients(), this.networks.organisations(), this.repo.memberships()]);
    return recipients.map((r) => toRecipientDto(r, orgs, memberships));
  }

  async createRecipient(input: RecipientInput): Promise<RecipientDto> {
    const recipient = Object.assign(new Recipient(), { networkId: RequestScopes.networkId() });
    await this.applyRecipient(recipient, input);
    RequestScopes.em().persist(recipient);
    return this.saveRecipient(recipient);
  }

  async updateRecipient(id: string, input: RecipientInput): Promise<RecipientDto> {
    const recipient = await this.findRecipient(id);
    await this.applyRecipient(recipient, input);
    return this.saveRecipient(recipient);
  }

  /** Removes the recipient and, with them, their place in every list. */
  async removeRecipient(id: string): Promise<void> {
    const em = RequestScopes.em();
    const recipient = await this.findRecipient(id);
    for (const m of await this.repo.memberships({ recipientId: id })) em.remove(m);
    em.remove(recipient);
    await em.flush();
  }

  async listLists(): Promise<DistributionListDto[]> {
    const [lists, recipients, memberships] = await Promise.all([this.repo.lists(), this.repo.recipients(), this.repo.memberships()]);
    return lists.map((l) => toDistributionListDto(l, recipients, memberships));
  }

  async createList(input: ListInput): Promise<DistributionListDto> {
    return this.saveList(Object.assign(new DistributionList(), { networkId: RequestScopes.networkId() }), input, true);
  }

  async updateList(id: string, input: ListInput): Promise<DistributionListDto> {
    const list = await this.repo.list(id);
    if (!list) throw DomainException.notFound('distribution list');
    return this.saveList(list, input, false);
  }

  async removeList(id: string): Promise<void> {
    const em = RequestScopes.em();
    const list = await this.repo.list(id);
    if (!list) throw DomainException.notFound('distribution list');
    for (const m of await this.repo.memberships({ listIds: [id] })) em.remove(m);
    em.remove(list);
    await em.flush();
  }

  private async findRecipient(id: string): Promise<Recipient> {
    const recipient = await this.repo.recipient(id);
    if (!recipient) throw DomainException.notFound('recipient');
    return recipient;
  }

  private async applyRecipient(recipient: Recipient, input: RecipientInput): Promise<void> {
    if (input.organisationId && !(await this.networks.organisation(input.organisationId))) {
      throw DomainException.field('organisationId', 'That organisation is not one of this network’s member organisations');
    }
    if (await this.repo.byEmail(input.email, recipient.id)) {
      throw DomainException.field('email', `${input.email} is already a recipient of this network`, 'conflict');
    }
    recipient.name = input.name;
    recipient.email = input.email;
    recipient.organisationId = input.organisationId;
    recipient.organisationName = input.organisationId ? '' : input.organisationName;
    recipient.role = input.role;
  }

  private async saveRecipient(recipient: Recipient): Promise<RecipientDto> {
    await RequestScopes.em().flush();
    const [orgs, memberships] = await Promise.all([this.networks.organisations(), this.repo.memberships({ recipientId: recipient.id })]);
    return toRecipientDto(recipient, orgs, memberships);
  }

  /** Checks, then writes; a new list is persisted only once its fields are set (a query may flush what is persisted). */
  private async saveList(list: DistributionList, input: ListInput, isNew: boolean): Promise<DistributionListDto> {
    const em = RequestScopes.em();
    const wanted = [...new Set(input.recipientIds)];
    const recipients = await this.repo.recipientsIn(wanted);
    const found = new Set(recipients.map((r) => r.id));
    const missing = wanted.findIndex((rid) => !found.has(rid));
    if (missing >= 0) {
      throw DomainException.field(`recipientIds.${input.recipientIds.indexOf(wanted[missing])}`, 'That recipient is not in this network');
    }
    // References first (400), then conflicts (409): a bad id is named even when the name is also taken.
    if (await this.repo.listByName(input.name, list.id)) {
      throw DomainException.field('name', `There is already a list called "${input.name}"`, 'conflict');
    }
    list.name = input.name;
    list.description = input.description;
    const existing = isNew ? [] : await this.repo.memberships({ listIds: [list.id] });
    if (isNew) em.persist(list);
    const have = new Set(existing.map((m) => m.recipientId));
    for (const m of existing) if (!found.has(m.recipientId)) em.remove(m);
    for (const rid of wanted) {
      if (!have.has(rid)) em.persist(Object.assign(new DistributionListMember(), { networkId: list.networkId, listId: list.id, recipientId: rid }));
    }
    await em.flush();
    return toDistributionListDto(list, recipients, await this.repo.memberships({ listIds: [list.id] }));
  }
}
