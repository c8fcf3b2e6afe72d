// One entry in full: who, when, what, the account, what became of it, the reason, the
// change as before → after, any detail, and its place in the chain.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { AuditEntryView } from '../../../shared/ipc';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { flattenFields } from '../../../shared/domain/fieldDiff';
import { ChangesTable } from '../../components/ChangesTable';
import { entryAt, useAudit } from '../../state/auditStore';
import { useTimeFormat } from './AuditList';
import { accountWords, actionLabel, entryChanges, entryResults, entryValueWords, fieldInWords, stateColor, stateLabel } from './auditWords';
import { entryTargets } from './writeWords';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

export function AuditDetails() {
  const entry = useAudit((s) => entryAt(s, s.selected));
  if (!entry) return null;
  return <EntryDetails entry={entry} testId="audit-details" />;
}

/** One entry in full (also the supervisor workspace's, renderer/features/supervision). */
export function EntryDetails({ entry, testId, showDesk = false }: { entry: AuditEntryView; testId: string; showDesk?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const time = useTimeFormat();
  // An outcome says what became of the write; an intent, what it changes.
  const outcome = entry.kind === 'outcome';
  const changes = outcome ? [] : entryChanges(t, entry);
  const results = outcome ? entryResults(t, f, entry) : [];
  const words = entryValueWords(t, f, entry);
  const detail = Object.entries(flattenFields(entry.detail));
  return (
    <Box data-testid={testId} data-seq={entry.seq} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {actionLabel(t, entry.action)}
        </Typography>
        <Chip size="small" color={stateColor(entry)} label={stateLabel(t, entry)} />
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {showDesk ? <Item label={t('supervision.field.desk')}>{entry.deskId}</Item> : null}
        <Item label={t('audit.field.entry')}>{entry.seq}</Item>
        <Item label={t('audit.field.at')}>{time.format(Date.parse(entry.at))}</Item>
        <Item label={t('audit.field.operator')}>
          {entry.operator ? t('audit.operatorFull', { name: entry.operator.displayName, id: entry.operator.id, role: t(`audit.role.${entry.operator.role}`, { defaultValue: entry.operator.role }) }) : t('audit.noOperator')}
        </Item>
        {entry.accountNo !== null ? <Item label={t('audit.field.account')}>{accountWords(t, entry.accountNo)}</Item> : null}
        {entryTargets(t, entry).map((x) => (
          <Item key={x.label} label={x.label}>
            {x.value}
          </Item>
        ))}
        {entry.reason ? <Item label={t('audit.field.reason')}>{entry.reason}</Item> : null}
        {entry.profile ? <Item label={t('audit.field.profile')}>{entry.profile}</Item> : null}
        {entry.requestId ? <Item label={t('audit.field.requestId')}>{entry.requestId}</Item> : null}
        <Item label={t('audit.field.hash')}>
          <Box component="span" title={entry.hash} sx={{ fontFamily: 'monospace' }}>
            {entry.hash.slice(0, 16)}…
          </Box>
        </Item>
      </Box>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
        {outcome ? t('audit.result') : t('audit.changes')}
      </Typography>
      {outcome ? (
        results.length ? (
          <Box component="dl" data-testid="audit-result" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
            {results.slice(0, 50).map((r) => (
              <Item key={r.path} label={r.label}>
                {r.value}
              </Item>
            ))}
          </Box>
        ) : (
          <Typography variant="body2">{t('audit.noResult')}</Typography>
        )
      ) : changes.length ? (
        <ChangesTable changes={changes} formatValue={words} formatLabel={(path) => fieldInWords(t, path)} />
      ) : (
        <Typography variant="body2">{t('audit.noChanges')}</Typography>
      )}
      {detail.length ? (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 0.5 }}>
            {t('audit.detail')}
          </Typography>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
            {detail.slice(0, 50).map(([path, value]) => (
              <Item key={path} label={fieldInWords(t, path)}>
                {words(path, value)}
              </Item>
            ))}
          </Box>
        </>
      ) : null}
    </Box>
  );
}
