'use client';
/**
 * A tenant at a glance: status and configuration version, the endpoints applications need,
 * and the period's activity (sign-ins, failures, tokens, changes) as tiles and charts.
 */
import { type ReactNode, useState } from 'react';
import { formatDateTime } from '../components/format';
import { ErrorNotice } from '../components/notices';
import { PageHeader, Section } from '../components/page-header';
import { useQuery } from '../graphql/hooks';
import { useTenant } from '../shell/tenant-context';
import { Endpoints } from './endpoints';
import { OVERVIEW_ACTIVITY, type TenantActivity } from './operations';
import styles from './overview.module.css';
import { ChartPlaceholder, TimeChart } from './time-chart';

const RANGES = [
  { days: 1, label: '24 h' },
  { days: 7, label: '7 d' },
  { days: 14, label: '14 d' },
  { days: 30, label: '30 d' },
] as const;

const COLORS = {
  signIns: '#3451b2',
  failed: '#c2410c',
  tokens: '#0f766e',
  changes: '#7c3aed',
};

export function OverviewScreen() {
  const { tenant } = useTenant();
  const [days, setDays] = useState<number>(14);
  const activity = useQuery(OVERVIEW_ACTIVITY, { tenantId: tenant.id, days });
  const data = activity.data?.tenantActivity;
  return (
    <>
      <PageHeader title={tenant.name} description={<code>{tenant.slug}</code>} />
      <div className={styles.facts}>
        <span
          className={`badge ${tenant.status === 'active' ? 'badge-success' : 'badge-warning'}`}
          data-testid="tenant-status"
        >
          {tenant.status === 'active' ? 'Active' : 'Disabled'}
        </span>
        <span>
          Configuration version <strong>{tenant.configVersion}</strong>
        </span>
        <span>Created {formatDateTime(tenant.createdAt)}</span>
      </div>
      <Section title="Activity" description="All times in UTC.">
        <div className={styles.rangeRow}>
          <fieldset className={styles.range}>
            <legend className="visually-hidden">Period</legend>
            {RANGES.map((range) => (
              <button
                key={range.days}
                type="button"
                aria-pressed={days === range.days}
                onClick={() => setDays(range.days)}
              >
                <span className="visually-hidden">Last </span>
                {range.label}
              </button>
            ))}
          </fieldset>
        </div>
        {activity.error ? (
          <ErrorNotice error={activity.error} retry={() => void activity.refetch()} />
        ) : null}
        <StatTiles activity={data} loading={activity.loading} />
        <Charts activity={data} loading={activity.loading} />
      </Section>
      <Section title="Endpoints" description="What applications configure to use this tenant.">
        <div className={styles.endpoints}>
          <Endpoints tenant={tenant} />
        </div>
      </Section>
    </>
  );
}

function StatTiles(props: { activity: TenantActivity | undefined; loading: boolean }) {
  const { activity } = props;
  const tiles = [
    ['Sign-ins', activity?.totals.signIns],
    ['Tokens issued', activity?.totals.tokensIssued],
    ['Failed sign-ins', activity?.totals.failedSignIns],
    ['Active sessions', activity?.activeSessions],
    ['Changes', activity?.totals.changes],
  ] as const;
  return (
    <div className={styles.stats} aria-busy={props.loading && !activity ? true : undefined}>
      {tiles.map(([label, value]) => (
        <div className="stat" key={label} data-testid={`stat-${label.toLowerCase()}`}>
          <p className="stat-label">{label}</p>
          <p className={`stat-value ${styles.statValue}`}>
            {value === undefined ? <span className="visually-hidden">Loading</span> : value}
          </p>
        </div>
      ))}
    </div>
  );
}

function Charts(props: { activity: TenantActivity | undefined; loading: boolean }) {
  const { activity } = props;
  const starts = activity?.buckets.map((bucket) => bucket.start) ?? [];
  const pick = (key: 'signIns' | 'failedSignIns' | 'tokensIssued' | 'changes') =>
    activity?.buckets.map((bucket) => bucket[key]) ?? [];
  const card = (title: string, chart: ReactNode) => (
    <div className={styles.chartCard}>
      <h3>{title}</h3>
      {activity ? chart : <ChartPlaceholder busy={props.loading} />}
    </div>
  );
  const bucketSeconds = activity?.bucketSeconds ?? 86_400;
  return (
    <div className={styles.charts}>
      {card(
        'Sign-ins',
        <TimeChart
          title="Sign-ins and failed sign-ins"
          kind="bars"
          starts={starts}
          bucketSeconds={bucketSeconds}
          series={[
            { label: 'Sign-ins', color: COLORS.signIns, values: pick('signIns') },
            { label: 'Failed sign-ins', color: COLORS.failed, values: pick('failedSignIns') },
          ]}
          emptyMessage="No sign-ins in this period yet"
        />,
      )}
      {card(
        'Tokens issued',
        <TimeChart
          title="Tokens issued"
          kind="area"
          starts={starts}
          bucketSeconds={bucketSeconds}
          series={[{ label: 'Tokens issued', color: COLORS.tokens, values: pick('tokensIssued') }]}
          emptyMessage="No tokens issued in this period yet"
        />,
      )}
      {card(
        'Configuration changes',
        <TimeChart
          title="Configuration changes"
          kind="bars"
          starts={starts}
          bucketSeconds={bucketSeconds}
          series={[{ label: 'Changes', color: COLORS.changes, values: pick('changes') }]}
          emptyMessage="No configuration changes in this period"
        />,
      )}
    </div>
  );
}
