import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MY_REPORTS_PER_NETWORK, type MyReportDto, type MyReportsDto, type MyReportsNetworkDto } from '@plexus/contracts';
import { formatDateTime } from '../core/dates';
import { reportFileFacts, reportKindLabel } from '../reports/report-status';
import { controlValue } from '../ui/control-value';
import { LoadErrorComponent } from '../ui/load-error.component';
import { LoadingComponent } from '../ui/loading.component';
import { MY_REPORTS_URL } from './my-reports.api';

/**
 * "Reports from my networks": the ready documents of every network whose reports the person may read — a
 * commissioner's one page across the networks that invited them — newest first, each row naming its network and
 * downloading from that network's own route. With more than one network, a filter narrows it to one.
 */
@Component({
  selector: 'plx-my-reports',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LoadErrorComponent, LoadingComponent],
  templateUrl: './my-reports.component.html',
})
export class MyReportsComponent {
  protected readonly mine = httpResource<MyReportsDto>(() => MY_REPORTS_URL);
  protected readonly data = computed(() => (this.mine.hasValue() ? this.mine.value() : null));

  /** The slug of the one network shown, or '' for all of them. */
  protected readonly networkFilter = signal('');
  protected readonly shownNetwork = computed(() => this.data()?.networks.find((n) => n.slug === this.networkFilter()) ?? null);
  protected readonly shown = computed<MyReportDto[]>(() => {
    const reports = this.data()?.reports ?? [];
    const slug = this.shownNetwork()?.slug;
    return slug ? reports.filter((r) => r.network.slug === slug) : reports;
  });
  /** Networks whose older ready documents are not listed here (their libraries have them). */
  protected readonly cappedNetworks = computed(() => (this.data()?.networks ?? []).filter((n) => n.more));
  /** Read by screen readers after the filter changes. */
  protected readonly announcement = signal('');

  protected readonly perNetwork = MY_REPORTS_PER_NETWORK;
  protected readonly kindLabel = reportKindLabel;
  protected readonly fileFacts = reportFileFacts;
  protected readonly formatDateTime = formatDateTime;

  protected filterBy(event: Event): void {
    this.networkFilter.set(controlValue(event));
    const count = this.shown().length;
    const where = this.shownNetwork()?.name ?? 'all your networks';
    this.announcement.set(`Showing ${count} ${count === 1 ? 'report' : 'reports'} from ${where}.`);
  }

  /** "no reports yet", "1 report", "12 reports", "50+ reports". */
  protected countOf(network: MyReportsNetworkDto): string {
    if (!network.listed) return 'no reports yet';
    return `${network.listed}${network.more ? '+' : ''} ${network.listed === 1 && !network.more ? 'report' : 'reports'}`;
  }

  /** When a ready document was made (its snapshot's day), else when it was asked for. */
  protected madeAt(report: MyReportDto): string {
    return formatDateTime(report.document.finishedAt ?? report.document.requestedAt);
  }
}
