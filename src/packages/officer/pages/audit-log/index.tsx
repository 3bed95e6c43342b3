import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { accountActions } from '@domain/actions/account';
import { dashboardActions, type AuditEntryView, type AuditLogPage } from '@domain/actions/dashboard';
import { AUDIT_GROUP_LABELS, type AuditGroup } from '@domain/audit/catalogue';
import { addDays, beijingDayOf } from '@domain/dashboard/figures';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FileExport } from '@/components/file-export';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { callAction } from '@/platform/cloud-call';
import './index.scss';

/** The kinds an admin reviews (residents' own steps carry no station, so no station's log holds them). */
const GROUPS: AuditGroup[] = ['personalData', 'roles', 'roster', 'hall', 'checkIn', 'station', 'mediation', 'auditLog'];

const RANGES = ['all', 'week', 'days30', 'month', 'lastMonth'] as const;
type RangeKind = (typeof RANGES)[number];
const RANGE_LABELS: Record<RangeKind, string> = { all: '全部日期', week: '近7天', days30: '近30天', month: '本月', lastMonth: '上月' };

function rangeOf(kind: RangeKind, today: string): { from?: string; to?: string } {
  if (kind === 'week') return { from: addDays(today, -6), to: today };
  if (kind === 'days30') return { from: addDays(today, -29), to: today };
  const monthStart = `${today.slice(0, 7)}-01`;
  if (kind === 'month') return { from: monthStart, to: today };
  if (kind === 'lastMonth') {
    const lastEnd = addDays(monthStart, -1);
    return { from: `${lastEnd.slice(0, 7)}-01`, to: lastEnd };
  }
  return {};
}

type Scope = { kind: 'station'; stationId: string } | { kind: 'district'; districtId: string };
type Person = { id: string; name: string };

interface Filters {
  stationId?: string;
  officer?: Person;
  resident?: Person;
  group?: AuditGroup;
  range: RangeKind;
}

const beijingMinute = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function inputOf(scope: Scope, filters: Filters) {
  const common = {
    ...(filters.officer ? { officerId: filters.officer.id } : {}),
    ...(filters.resident ? { residentId: filters.resident.id } : {}),
    ...(filters.group ? { group: filters.group } : {}),
    ...rangeOf(filters.range, beijingDayOf(new Date())),
  };
  return scope.kind === 'station'
    ? ({ kind: 'station', input: { stationId: scope.stationId, ...common } } as const)
    : ({ kind: 'district', input: { districtId: scope.districtId, ...(filters.stationId ? { stationId: filters.stationId } : {}), ...common } } as const);
}

/** The filters in force, in one line. */
function filterSummary(filters: Filters, stations: Person[]): string {
  const parts = [
    ...(filters.stationId ? [stations.find((station) => station.id === filters.stationId)?.name ?? '一个所'] : []),
    filters.group ? AUDIT_GROUP_LABELS[filters.group] : '全部类别',
    RANGE_LABELS[filters.range],
  ];
  return `正在看：${parts.join(' · ')}`;
}

function EntryCard({ entry, showStation, filters, onPerson }: { entry: AuditEntryView; showStation: boolean; filters: Filters; onPerson: (role: 'officer' | 'resident', person: Person) => void }) {
  return (
    <View className="audit-entry" role="listitem">
      <Text className="audit-entry__label">{entry.label}</Text>
      <Text className="audit-entry__meta">
        {beijingMinute(entry.at)}
        {showStation && entry.stationName ? ` · ${entry.stationName}` : ''}
        {entry.group ? ` · ${AUDIT_GROUP_LABELS[entry.group]}` : ''}
      </Text>
      {entry.actor && (
        <View className="audit-entry__person">
          <Text>操作人：{entry.actor.name}</Text>
          {filters.officer?.id !== entry.actor.id && (
            <View className="audit-entry__only" {...roleProps('button')} onClick={() => onPerson('officer', entry.actor as Person)}>
              <Text>只看{entry.actor.name}的操作</Text>
            </View>
          )}
        </View>
      )}
      {entry.subject && (
        <View className="audit-entry__person">
          <Text>涉及：{entry.subject.name}</Text>
          {filters.resident?.id !== entry.subject.id && (
            <View className="audit-entry__only" {...roleProps('button')} onClick={() => onPerson('resident', entry.subject as Person)}>
              <Text>只看涉及{entry.subject.name}的</Text>
            </View>
          )}
        </View>
      )}
      {entry.details && <Text className="audit-entry__details">{entry.details}</Text>}
    </View>
  );
}

function AuditLog({ scope }: { scope: Scope }) {
  const [filters, setFilters] = useState<Filters>({ range: 'all' });
  const [choosingOfficer, setChoosingOfficer] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const request = inputOf(scope, filters);
  const first = useAction(request.kind === 'station' ? dashboardActions.auditLog : dashboardActions.districtAuditLog, request.input as never, { pullDownRefresh: true, isEmpty: () => false }) as {
    status: 'loading' | 'ready' | 'error' | 'empty';
    data: AuditLogPage | undefined;
    error: { code: string; message: string } | undefined;
    reload: () => Promise<void>;
  };
  const [more, setMore] = useState<{ entries: AuditEntryView[]; nextCursor?: string; pending: boolean; error?: string }>({ entries: [], pending: false });
  const [stations, setStations] = useState<Person[]>([]);
  const exportStation = useSubmit(dashboardActions.exportAuditLog);
  const exportDistrict = useSubmit(dashboardActions.exportDistrictAuditLog);
  const exporting = request.kind === 'station' ? exportStation : exportDistrict;

  // A new first page (other filters, a refresh) starts the list again.
  useEffect(() => setMore({ entries: [], nextCursor: first.data?.nextCursor, pending: false }), [first.data]);
  // The district's stations, from an answer that covered all of them.
  useEffect(() => {
    if (first.data && !filters.stationId && first.data.stations.length > stations.length) setStations(first.data.stations);
  }, [first.data, filters.stationId, stations.length]);

  const update = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const loadMore = async () => {
    if (!more.nextCursor || more.pending) return;
    setMore((current) => ({ ...current, pending: true, error: undefined }));
    const input = { ...request.input, cursor: more.nextCursor };
    const result = request.kind === 'station' ? await callAction(dashboardActions.auditLog, input as never) : await callAction(dashboardActions.districtAuditLog, input as never);
    if (result.ok) setMore((current) => ({ entries: [...current.entries, ...result.data.entries], nextCursor: result.data.nextCursor, pending: false }));
    else setMore((current) => ({ ...current, pending: false, error: result.error.message }));
  };
  const entries = [...(first.data?.entries ?? []), ...more.entries];
  const officers = first.data?.officers ?? [];

  return (
    <View className="page">
      <Text className="page-title" {...roleProps('heading')} aria-level={1}>
        审计记录
      </Text>
      <Text className="page-intro">谁看了谁的个人信息，谁改了人员、排班和大厅设置，谁给谁签到。您的查看和导出也会记录在这里。</Text>

      <View className="audit-summary">
        <Text className="audit-summary__text">{filterSummary(filters, stations)}</Text>
        <View className="audit-summary__toggle" {...roleProps('button')} aria-expanded={filtersOpen} onClick={() => setFiltersOpen(!filtersOpen)}>
          <Text>{filtersOpen ? '收起筛选' : '筛选'}</Text>
        </View>
      </View>
      {(filters.officer || filters.resident) && (
        <View className="audit-filters" role="group" aria-label="按人筛选">
          {filters.officer && <Chip label={`操作人：${filters.officer.name} ✕ 取消`} selected onClick={() => update({ officer: undefined })} />}
          {filters.resident && <Chip label={`涉及：${filters.resident.name} ✕ 取消`} selected onClick={() => update({ resident: undefined })} />}
        </View>
      )}
      {filtersOpen && (
        <View className="audit-panel">
          {scope.kind === 'district' && stations.length > 1 && (
            <View className="audit-filters" role="group" aria-label="派出所">
              <Chip label="全部派出所" selected={!filters.stationId} onClick={() => update({ stationId: undefined })} />
              {stations.map((station) => (
                <Chip key={station.id} label={station.name} selected={filters.stationId === station.id} onClick={() => update({ stationId: station.id })} />
              ))}
            </View>
          )}
          <View className="audit-filters" role="group" aria-label="类别">
            <Chip label="全部类别" selected={!filters.group} onClick={() => update({ group: undefined })} />
            {GROUPS.map((group) => (
              <Chip key={group} label={AUDIT_GROUP_LABELS[group]} selected={filters.group === group} onClick={() => update({ group })} />
            ))}
          </View>
          <View className="audit-filters" role="group" aria-label="日期">
            {RANGES.map((range) => (
              <Chip key={range} label={RANGE_LABELS[range]} selected={filters.range === range} onClick={() => update({ range })} />
            ))}
          </View>
          <View className="audit-filters" role="group" aria-label="人员">
            <Chip label={choosingOfficer ? '收起民警名单' : '按操作人筛选'} onClick={() => setChoosingOfficer(!choosingOfficer)} />
          </View>
          {choosingOfficer && (
            <View className="audit-filters" role="group" aria-label="选择操作人">
              {officers.map((officer) => (
                <Chip
                  key={officer.id}
                  label={scope.kind === 'district' ? `${officer.name}（${officer.stationName}）` : officer.name}
                  selected={filters.officer?.id === officer.id}
                  onClick={() => {
                    update({ officer: { id: officer.id, name: officer.name } });
                    setChoosingOfficer(false);
                  }}
                />
              ))}
            </View>
          )}
        </View>
      )}
      <FileExport label="导出筛选出的记录（Excel）" pending={exporting.pending} error={exporting.error} onExport={() => exporting.submit(request.input as never)} />

      <PageState status={first.status} error={first.error as never} onRetry={() => void first.reload()} loadingRows={4}>
        {first.data && (
          <View>
            <Text className="muted" aria-live="polite">
              {entries.length === 0 ? '没有符合条件的记录' : `已显示 ${entries.length} 条${more.nextCursor ? '，还有更早的' : '，已经到底'}`}
            </Text>
            <View role="list" aria-label="审计记录">
              {entries.map((entry) => (
                <EntryCard key={entry.id} entry={entry} showStation={scope.kind === 'district'} filters={filters} onPerson={(role, person) => update(role === 'officer' ? { officer: person } : { resident: person })} />
              ))}
            </View>
            {more.nextCursor && (
              <View className="audit-more" {...roleProps('button')} aria-disabled={more.pending || undefined} onClick={() => void loadMore()}>
                <Text>{more.pending ? '正在加载…' : '加载更早的记录'}</Text>
              </View>
            )}
            {more.error && <Text {...roleProps('alert')}>{more.error}</Text>}
          </View>
        )}
      </PageState>
    </View>
  );
}

export default function AuditLogPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const data = me.data;
  const scope: Scope | undefined =
    data?.role === 'stationAdmin' && data.station ? { kind: 'station', stationId: data.station.id } : data?.role === 'districtAdmin' && data.districtId ? { kind: 'district', districtId: data.districtId } : undefined;
  return (
    <PageRoot className="audit-log">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {scope ? (
          <AuditLog scope={scope} />
        ) : (
          <NoticeCard title="审计记录由所管理员和分局查看" tone="warning">
            <Text>请用管理员的账号打开。</Text>
          </NoticeCard>
        )}
      </PageState>
    </PageRoot>
  );
}
