// Comments and changes per operator per day (main counts them, Oslo days): two stacked bar
// charts (@mui/x-charts) with one colour per operator, the busiest eight by name and the
// rest together; a bar opens that operator's day in the list. The same figures as a table
// below, for the keyboard and screen readers.
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { BarChart } from '@mui/x-charts/BarChart';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty, Loading } from '../../components/StateViews';
import { useFormat } from '../../i18n';
import { chartData, osloDay, OTHERS } from './chartData';
import { useSupervision } from './store';

const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#757575'];

export function ActivityChart() {
  const { t } = useTranslation();
  const f = useFormat();
  const chart = useSupervision((s) => s.chart);
  const show = useSupervision((s) => s.showOperatorDay);
  const data = useMemo(() => chartData(chart.days, chart.from, chart.to), [chart.days, chart.from, chart.to]);
  if (chart.status === 'error' && chart.error) return <ErrorAlert error={chart.error} title={t('supervision.chart.failed')} onRetry={() => void useSupervision.getState().reload()} />;
  if (chart.status !== 'ready') return <Loading label={t('supervision.chart.loading')} />;
  if (!chart.days.length) return <Empty title={t('supervision.chart.empty')} hint={t('supervision.chart.emptyHint')} />;
  const dayFmt = new Intl.DateTimeFormat(f.locale === 'nb' ? 'nb-NO' : 'en-GB', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const label = (d: string) => dayFmt.format(Date.parse(`${d}T12:00:00Z`));
  const name = (key: string) => (key === OTHERS ? t('supervision.chart.others') : (data.shown.find((s) => s.id === key)?.name ?? key));
  const color = (i: number, key: string) => (key === OTHERS ? PALETTE[PALETTE.length - 1]! : PALETTE[i % (PALETTE.length - 1)]!);
  const one = (metric: 'comments' | 'changes') => {
    const series = data.series(metric);
    return (
      <Box component="figure" sx={{ m: 0 }} data-testid={`supervision-chart-${metric}`}>
        <Typography component="figcaption" variant="subtitle2" sx={{ fontWeight: 600 }}>
          {t(`supervision.chart.${metric}Title`)}
        </Typography>
        <BarChart
          height={230}
          xAxis={[{ scaleType: 'band', data: data.days, valueFormatter: label }]}
          yAxis={[{ tickMinStep: 1, width: 40 }]}
          series={series.map((s, i) => ({ id: `${metric}:${s.key}`, data: s.data, label: name(s.key), stack: metric, color: color(i, s.key) }))}
          hideLegend={metric === 'changes'}
          localeText={{ noData: t('supervision.chart.empty'), loading: t('supervision.chart.loading') }}
          onItemClick={(_e, item) => {
            const key = String(item.seriesId).split(':').slice(1).join(':');
            const day = data.days[item.dataIndex ?? -1];
            if (day && key !== OTHERS) void show(key, day);
          }}
          margin={{ left: 8, right: 8, top: 8, bottom: 8 }}
        />
      </Box>
    );
  };
  const tableRows = [...chart.days].sort((a, b) => (a.day !== b.day ? (a.day < b.day ? 1 : -1) : (a.operatorName ?? a.operatorId).localeCompare(b.operatorName ?? b.operatorId)));
  return (
    <Box sx={{ height: '100%', overflow: 'auto', p: 2, boxSizing: 'border-box' }} data-testid="supervision-chart">
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {t('supervision.chart.range', { from: label(osloDay(Date.parse(chart.from))), to: label(osloDay(Date.parse(chart.to) - 1)) })} {t('supervision.chart.clickHint')}
      </Typography>
      {one('comments')}
      {one('changes')}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, fontWeight: 600 }}>
        {t('supervision.chart.tableTitle')}
      </Typography>
      <Table size="small" aria-label={t('supervision.chart.tableTitle')} data-testid="supervision-chart-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('supervision.chart.day')}</TableCell>
            <TableCell>{t('supervision.chart.operator')}</TableCell>
            <TableCell align="right">{t('supervision.chart.comments')}</TableCell>
            <TableCell align="right">{t('supervision.chart.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {tableRows.slice(0, 500).map((r) => (
            <TableRow key={`${r.day}:${r.operatorId}`} data-day={r.day} data-operator={r.operatorId}>
              <TableCell>{label(r.day)}</TableCell>
              <TableCell>
                <Link component="button" type="button" onClick={() => void show(r.operatorId, r.day)}>
                  {r.operatorName ?? r.operatorId}
                </Link>
              </TableCell>
              <TableCell align="right">{f.number(r.comments)}</TableCell>
              <TableCell align="right">{f.number(r.changes)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
