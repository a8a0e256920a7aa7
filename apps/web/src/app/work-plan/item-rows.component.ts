import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WorkItemRowDto, WorkItemSummaryDto } from '@plexus/contracts';
import { RagTagComponent } from './rag-tag.component';
import { longDate, slippageText } from './work-plan-format';

type Row = WorkItemSummaryDto & Partial<Pick<WorkItemRowDto, 'theme' | 'objective' | 'plan'>>;

/** Work items as an NHS table: reference, work, leads, timescale (flagged when it needs a look), colour and slippage. */
@Component({
  selector: 'plx-item-rows',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RagTagComponent],
  // The table scrolls sideways inside this element on a phone (the page itself never does).
  host: { class: 'plx-table-scroll plx-table-scroll--wide', tabindex: '0', role: 'region', '[attr.aria-label]': 'caption()' },
  template: `
    <table class="nhsuk-table plx-item-table">
      <caption class="nhsuk-table__caption" [class.nhsuk-u-visually-hidden]="!showCaption()">
        {{
          caption()
        }}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">Ref</th>
          <th class="nhsuk-table__header" scope="col">Work</th>
          @if (showTheme()) {
            <th class="nhsuk-table__header" scope="col">Theme</th>
          }
          <th class="nhsuk-table__header" scope="col">Lead</th>
          <th class="nhsuk-table__header" scope="col">Timescale</th>
          <th class="nhsuk-table__header" scope="col">Status</th>
          @if (canMove()) {
            <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Order</span></th>
          }
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (item of items(); track item.id; let first = $first; let last = $last) {
          <tr class="nhsuk-table__row" data-testid="work-item-row">
            <td class="nhsuk-table__cell">{{ item.ref }}</td>
            <td class="nhsuk-table__cell">
              <a [routerLink]="['/n', network(), 'plan', item.planId, 'items', item.id]">{{ item.work }}</a>
              @if (item.latestUpdate; as update) {
                <br /><span class="nhsuk-body-s plx-secondary-text">Updated {{ longDate(update.on) }}</span>
              }
            </td>
            @if (showTheme()) {
              <td class="nhsuk-table__cell">{{ item.theme?.title }}</td>
            }
            <td class="nhsuk-table__cell">
              @for (lead of item.leads; track lead.id; let lastLead = $last) {
                {{ lead.label }}
                @if (!lastLead) {
                  <br />
                }
              } @empty {
                <span class="plx-secondary-text">None</span>
              }
            </td>
            <td class="nhsuk-table__cell">
              {{ item.timescale.label || item.timescale.text }}
              @if (item.timescale.flag) {
                <br /><strong class="nhsuk-tag nhsuk-tag--orange" [attr.title]="item.timescale.flag">Check timescale</strong>
              }
            </td>
            <td class="nhsuk-table__cell">
              <plx-rag-tag [rag]="item.rag" [status]="item.status" [reason]="item.ragReason" />
              @if (slippage(item); as text) {
                <br /><span class="nhsuk-body-s" [class.plx-slipped]="item.slipped" [class.plx-secondary-text]="!item.slipped">{{ text }}</span>
              }
            </td>
            @if (canMove()) {
              <td class="nhsuk-table__cell plx-row-actions">
                @if (!first) {
                  <button class="plx-link-button" type="button" (click)="move.emit({ item, direction: 'up' })">
                    Up<span class="nhsuk-u-visually-hidden">: move {{ item.ref }} up</span>
                  </button>
                }
                @if (!last) {
                  <button class="plx-link-button" type="button" (click)="move.emit({ item, direction: 'down' })">
                    Down<span class="nhsuk-u-visually-hidden">: move {{ item.ref }} down</span>
                  </button>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .plx-slipped {
      color: #d5281b;
      font-weight: 600;
    }
  `,
})
export class ItemRowsComponent {
  readonly network = input.required<string>();
  readonly items = input.required<Row[]>();
  readonly caption = input('Work items');
  readonly showCaption = input(false);
  readonly showTheme = input(false);
  readonly canMove = input(false);
  readonly move = output<{ item: Row; direction: 'up' | 'down' }>();

  protected readonly longDate = longDate;

  protected slippage(item: Row): string | null {
    return slippageText(item);
  }
}
