import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { RiskHeatMapCellDto } from '@plexus/contracts';
import { IMPACT, LIKELIHOOD, RISK_BANDS, RISK_RATINGS, riskBand, type RiskBand, type RiskBandId } from '@plexus/domain';
import { cellName } from './risk-format';
import type { HeatMapCellRef } from './risk-register-filter';

interface CellView {
  ref: HeatMapCellRef;
  name: string;
  count: number;
  score: number;
  band: RiskBand;
  selected: boolean;
}

/**
 * The 5×5 matrix of seed 001 as a table: likelihood 5 (Almost certain) to 1 (Rare) down, impact
 * 1 (Negligible) to 5 (Catastrophic) across. Each cell shows its count and its band's name on the
 * band's colour; a cell with risks is a button that asks for the register to show them.
 */
@Component({
  selector: 'plx-risk-heat-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="plx-heat-map" data-testid="heat-map">
      <caption class="plx-heat-map__caption">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <td class="plx-heat-map__corner"></td>
          <th class="plx-heat-map__axis" scope="colgroup" colspan="5">Impact</th>
        </tr>
        <tr>
          <th class="plx-heat-map__axis" scope="col">Likelihood</th>
          @for (impact of impacts; track impact) {
            <th class="plx-heat-map__col-header" scope="col">
              {{ impactNames[impact] }} <span class="plx-heat-map__number">{{ impact }}</span>
            </th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track $index) {
          <tr>
            <th class="plx-heat-map__row-header" scope="row">
              {{ likelihoodNames[row.likelihood] }} <span class="plx-heat-map__number">{{ row.likelihood }}</span>
            </th>
            @for (cell of row.cells; track cell.ref.impact) {
              <td
                class="plx-heat-map__cell"
                [class.plx-heat-map__cell--selected]="cell.selected"
                [style.background-color]="cell.band.colour"
                [style.color]="cell.band.textColour"
                [attr.data-cell]="cell.ref.likelihood + ',' + cell.ref.impact"
              >
                @if (cell.count > 0) {
                  <button
                    class="plx-heat-map__button"
                    type="button"
                    [style.color]="cell.band.textColour"
                    [attr.aria-pressed]="cell.selected"
                    (click)="selectCell.emit(cell.ref)"
                  >
                    <span class="nhsuk-u-visually-hidden">{{ cell.name }}: </span>
                    <span class="plx-heat-map__count" [attr.data-short]="shortLabels[cell.band.id]">{{ cell.count }}</span>
                    <span class="nhsuk-u-visually-hidden"> {{ cell.count === 1 ? 'risk' : 'risks' }}, </span>
                    <span class="plx-heat-map__band">{{ cell.band.label }}</span>
                    <span class="nhsuk-u-visually-hidden"> (score {{ cell.score }})</span>
                    @if (cell.selected) {
                      <span class="plx-heat-map__selected">Showing</span>
                    }
                  </button>
                } @else {
                  <span class="nhsuk-u-visually-hidden">{{ cell.name }}: </span>
                  <span class="plx-heat-map__count" [attr.data-short]="shortLabels[cell.band.id]">0</span>
                  <span class="nhsuk-u-visually-hidden"> risks, </span>
                  <span class="plx-heat-map__band">{{ cell.band.label }}</span>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
    <p class="plx-heat-map__key" aria-hidden="true">Med: Medium. Ext: Extreme.</p>
  `,
  styles: `
    .plx-heat-map {
      border-collapse: separate;
      border-spacing: 4px;
      margin: 0 0 16px -4px;
      width: 100%;
      max-width: 44rem;
      table-layout: fixed;
    }
    .plx-heat-map__caption {
      text-align: left;
      font-weight: 700;
      padding: 0 4px 8px;
    }
    .plx-heat-map__corner {
      width: 9rem;
    }
    .plx-heat-map__axis {
      text-align: left;
      font-weight: 700;
      padding: 4px;
    }
    .plx-heat-map__col-header,
    .plx-heat-map__row-header {
      font-weight: 400;
      font-size: 1rem;
      padding: 4px;
      text-align: left;
      vertical-align: bottom;
    }
    .plx-heat-map__row-header {
      vertical-align: middle;
    }
    .plx-heat-map__number {
      display: block;
      color: #4c6272;
      font-size: 0.875rem;
    }
    .plx-heat-map__cell {
      height: 4.5rem;
      padding: 0;
      text-align: center;
      vertical-align: middle;
      border: 2px solid transparent;
    }
    .plx-heat-map__cell--selected {
      outline: 4px solid #212b32;
      outline-offset: 0;
    }
    .plx-heat-map__button {
      display: block;
      width: 100%;
      height: 100%;
      min-height: 4.5rem;
      padding: 4px;
      border: 0;
      background: transparent;
      font: inherit;
      cursor: pointer;
      text-decoration: underline;
    }
    .plx-heat-map__button:hover {
      text-decoration: none;
      box-shadow: inset 0 0 0 3px currentColor;
    }
    .plx-heat-map__button:focus-visible {
      outline: 4px solid transparent;
      background-color: #ffeb3b;
      color: #212b32 !important;
      box-shadow: inset 0 -4px 0 #212b32;
    }
    .plx-heat-map__count {
      display: block;
      font-size: 1.5rem;
      font-weight: 700;
      line-height: 1.2;
    }
    .plx-heat-map__band,
    .plx-heat-map__selected {
      display: block;
      font-size: 0.875rem;
    }
    .plx-heat-map__selected {
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .plx-heat-map__key {
      display: none;
    }
    /* Phones (below the NHS tablet breakpoint): a narrower first column, the impact names turned on their side and the
       bands shortened (with a key), so that every label fits at 360 px without the map scrolling. */
    @media (max-width: 40.0525em) {
      .plx-heat-map {
        border-spacing: 3px;
        margin-left: -3px;
        width: calc(100% + 6px);
      }
      .plx-heat-map__corner {
        width: 5rem;
      }
      .plx-heat-map__axis {
        font-size: 0.875rem;
        padding: 2px;
      }
      .plx-heat-map__col-header,
      .plx-heat-map__row-header {
        font-size: 0.875rem;
        line-height: 1.25;
        padding: 2px;
        overflow-wrap: normal;
      }
      .plx-heat-map__col-header {
        writing-mode: vertical-rl;
        transform: rotate(180deg);
        text-align: left;
        vertical-align: bottom;
        padding: 4px 2px;
      }
      .plx-heat-map__number {
        font-size: 0.8125rem;
      }
      .plx-heat-map__cell {
        height: 3.75rem;
      }
      .plx-heat-map__button {
        min-height: 3.75rem;
        padding: 2px;
      }
      .plx-heat-map__count {
        font-size: 1.25rem;
      }
      .plx-heat-map__selected {
        letter-spacing: 0;
        font-size: 0.75rem;
      }
      .plx-heat-map__band {
        position: absolute !important;
        width: 1px !important;
        height: 1px !important;
        margin: 0 !important;
        padding: 0 !important;
        overflow: hidden !important;
        clip: rect(0 0 0 0) !important;
        clip-path: inset(50%) !important;
        border: 0 !important;
        white-space: nowrap !important;
      }
      /* The short name is drawn, not text: screen readers read the band's full name (visually hidden here). */
      .plx-heat-map__count::after {
        content: attr(data-short);
        content: attr(data-short) / '';
        display: block;
        font-size: 0.875rem;
        font-weight: 400;
        line-height: 1.4;
      }
      .plx-heat-map__key {
        display: block;
        font-size: 0.875rem;
        margin: -8px 0 16px;
      }
    }
  `,
})
export class RiskHeatMapComponent {
  /** Rows from likelihood 5 to 1, each with impact 1 to 5 (`RiskHeatMapDto.current` or `.before`). */
  readonly cells = input.required<ReadonlyArray<ReadonlyArray<RiskHeatMapCellDto>>>();
  readonly caption = input('Open risks by likelihood and impact');
  /** The cell the register is showing, if any. */
  readonly selected = input<HeatMapCellRef | null>(null);
  /** A cell with risks was chosen (by click, Enter or Space). */
  readonly selectCell = output<HeatMapCellRef>();

  protected readonly impacts = RISK_RATINGS;
  protected readonly impactNames = IMPACT;
  protected readonly likelihoodNames = LIKELIHOOD;
  /** The bands' names where a cell is too narrow for them (phones), explained by a key under the map. */
  protected readonly shortLabels: Record<RiskBandId, string> = { low: 'Low', medium: 'Med', high: 'High', extreme: 'Ext' };

  /** Always the full 5×5 grid in the drawn order, whatever order or gaps the data has. */
  protected readonly rows = computed(() => {
    const byKey = new Map<string, RiskHeatMapCellDto>();
    for (const row of this.cells()) for (const cell of row) byKey.set(`${cell.likelihood},${cell.impact}`, cell);
    const selected = this.selected();
    return [...RISK_RATINGS].reverse().map((likelihood) => ({
      likelihood,
      cells: RISK_RATINGS.map((impact): CellView => {
        const data = byKey.get(`${likelihood},${impact}`);
        const score = likelihood * impact;
        const band = data && data.band in RISK_BANDS ? RISK_BANDS[data.band] : riskBand(score);
        return {
          ref: { likelihood, impact },
          name: cellName(likelihood, impact),
          count: data?.count ?? 0,
          score,
          band,
          selected: !!selected && selected.likelihood === likelihood && selected.impact === impact,
        };
      }),
    }));
  });
}
