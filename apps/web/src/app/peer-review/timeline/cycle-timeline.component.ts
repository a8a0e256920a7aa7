import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReviewCycleDto } from '@plexus/contracts';
import { activityKindLabel, countsSummary, formatDay, formatShortDay } from '../peer-review-format';
import { buildTimeline } from './timeline';

const QUARTER_MONTHS = ['Apr–Jun', 'Jul–Sep', 'Oct–Dec', 'Jan–Mar'];

/**
 * The cycle's timeline: its financial quarters as columns, its activities as rows, each in its quarter with its due
 * date; overdue (documents still owed after the date) and due within 30 days are said in words as well as colour.
 * A table, so screen readers announce each cell's quarter and activity; it scrolls sideways on narrow screens (the
 * scroll region takes keyboard focus).
 */
@Component({
  selector: 'plx-cycle-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    @let t = timeline();
    @if (!t.rows.length) {
      <div class="plx-empty-state" id="timeline-empty">
        <p class="nhsuk-body">
          No activities planned yet.
          @if (canManage()) {
            Add the first one.
          }
        </p>
      </div>
    } @else {
      <div class="plx-timeline-scroll" role="region" aria-labelledby="timeline-caption" tabindex="0">
        <table class="nhsuk-table plx-timeline" id="timeline">
          <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="timeline-caption">
            {{
              cycle().name
            }}: activities by quarter
          </caption>
          <thead class="nhsuk-table__head">
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__header" rowspan="2"></td>
              @for (y of t.years; track y.fy) {
                <th class="nhsuk-table__header plx-timeline__year" scope="colgroup" [attr.colspan]="y.span">{{ y.fy }}</th>
              }
            </tr>
            <tr class="nhsuk-table__row">
              @for (q of t.quarters; track q.label; let i = $index) {
                <th class="nhsuk-table__header plx-timeline__quarter" scope="col" [class.plx-timeline__quarter--now]="i === t.currentColumn">
                  Q{{ q.quarter }}<span class="nhsuk-u-visually-hidden"> {{ q.fy }}</span
                  >&ngsp;<span class="plx-timeline__months">{{ months[q.quarter - 1] }}</span>
                  @if (i === t.currentColumn) {
                    &ngsp;<span class="plx-timeline__now">Now</span>
                  }
                </th>
              }
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (row of t.rows; track row.activity.id) {
              <tr class="nhsuk-table__row" [attr.data-activity]="row.activity.id">
                <th class="nhsuk-table__header plx-timeline__activity" scope="row">
                  @if (canManage()) {
                    <a [routerLink]="['/n', network(), 'peer-review', 'cycles', cycle().id, 'activities', row.activity.id]">{{
                      row.activity.title
                    }}</a>
                  } @else {
                    {{ row.activity.title }}
                  }
                  <span class="plx-timeline__kind"><span class="nhsuk-u-visually-hidden">, </span>{{ kindLabel(row.activity.kind) }}</span>
                </th>
                @for (q of t.quarters; track q.label; let i = $index) {
                  @if (i === row.column) {
                    <td
                      class="nhsuk-table__cell plx-timeline__cell"
                      [class.plx-timeline__cell--overdue]="row.overdue"
                      [class.plx-timeline__cell--soon]="row.dueSoon"
                    >
                      <span class="plx-timeline__due"
                        >Due
                        <time [attr.datetime]="row.activity.dueDate" [attr.title]="formatDay(row.activity.dueDate)">{{
                          formatShortDay(row.activity.dueDate)
                        }}</time></span
                      >
                      @if (row.overdue) {
                        <strong class="nhsuk-tag nhsuk-tag--red"><span class="nhsuk-u-visually-hidden">, </span>Overdue</strong>
                      } @else if (row.dueSoon) {
                        <strong class="nhsuk-tag nhsuk-tag--yellow"><span class="nhsuk-u-visually-hidden">, </span>Due soon</strong>
                      }
                      @if (row.activity.submissions; as counts) {
                        <span class="plx-timeline__counts"><span class="nhsuk-u-visually-hidden">, </span>{{ countsSummary(counts) }}</span>
                      }
                      @if (row.activity.meetingDate) {
                        <span class="plx-timeline__counts"
                          ><span class="nhsuk-u-visually-hidden">, </span>Meeting {{ formatDay(row.activity.meetingDate) }}</span
                        >
                      }
                    </td>
                  } @else {
                    <td class="nhsuk-table__cell"><span class="nhsuk-u-visually-hidden">Nothing this quarter</span></td>
                  }
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .plx-timeline-scroll {
      position: relative;
      overflow-x: auto;
      margin-bottom: 24px;
    }
    .plx-timeline-scroll:focus-visible {
      outline: 4px solid #ffeb3b;
      box-shadow: 0 0 0 8px #212b32;
    }
    .plx-timeline {
      min-width: 56rem;
      table-layout: fixed;
    }
    .plx-timeline__activity {
      width: 16rem;
      font-weight: 400;
    }
    .plx-timeline__kind,
    .plx-timeline__months,
    .plx-timeline__counts,
    .plx-timeline__due {
      display: block;
      font-size: 0.875rem;
      color: #4c6272;
    }
    .plx-timeline__due {
      color: #212b32;
    }
    .plx-timeline__year {
      text-align: center;
      border-bottom: 2px solid #005eb8;
    }
    .plx-timeline__quarter--now {
      background-color: #e8edee;
    }
    .plx-timeline__now {
      display: block;
      font-size: 0.875rem;
      color: #005eb8;
    }
    .plx-timeline__cell {
      border-left: 4px solid #005eb8;
      background-color: #f0f4f5;
      vertical-align: top;
    }
    .plx-timeline__cell--soon {
      border-left-color: #ffb81c;
    }
    .plx-timeline__cell--overdue {
      border-left-color: #d5281b;
    }
    .plx-timeline__cell .nhsuk-tag {
      margin: 4px 0;
    }
  `,
})
export class CycleTimelineComponent {
  readonly cycle = input.required<ReviewCycleDto>();
  readonly network = input.required<string>();
  readonly canManage = input(false);

  protected readonly timeline = computed(() => buildTimeline(this.cycle().quarters, this.cycle().activities, this.cycle().asOf));
  protected readonly months = QUARTER_MONTHS;
  protected readonly kindLabel = activityKindLabel;
  protected readonly countsSummary = countsSummary;
  protected readonly formatDay = formatDay;
  protected readonly formatShortDay = formatShortDay;
}
