// The account overview (AcctRetrieveAccount): status, balance, locale, owner title,
// contact, channel / reservation / source / consent codes and dates, master plan count
// and the billing group list.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BalanceText } from '../../components/Balance';
import { StatusChip } from '../../components/StatusChip';
import { useCodeLabel } from '../../components/codeLabel';
import { CopyButton } from '../../components/CopyButton';
import { useFormat } from '../../i18n';
import type { AccountDetails } from '../../state/workspaceStore';
import { PermanentAddressCard } from './PermanentAddressCard';

export function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {items.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {k}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {v === null || v === undefined || v === '' ? <span aria-label={'—'}>—</span> : v}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} data-testid={testId} sx={{ p: 2, minWidth: 0 }}>
      <Typography variant="h3" component="h2" sx={{ mb: 1.25 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

const codeWithDate = (code: string | null | undefined, date: string | null | undefined, fmt: (d: string) => string) =>
  code ? (date ? `${code} (${fmt(date)})` : code) : null;

export function Overview({ data }: { data: AccountDetails }) {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useCodeLabel();
  const d = data.acctRetrieveAccountDetails;
  const c = d.acctContactDetails;
  const title = data.acctRetrieveAccountTitleInfo;
  const street = [c.streetName, c.streetNo].filter(Boolean).join(' ');
  const phones = (['cellPhone', 'homePhone', 'workPhone'] as const).flatMap((k) => (c[k] ? [[k, c[k]] as const] : []));
  const flat = [c.flatNo && t('overview.flat', { no: c.flatNo }), c.flatFloor && t('overview.floor', { no: c.flatFloor }), c.entranceNo && t('overview.entrance', { no: c.entranceNo }), c.flatSpec]
    .filter(Boolean)
    .join(', ');
  const locale = d.acctLocaleName ? t(`locale.${d.acctLocaleName}`, { defaultValue: d.acctLocaleName }) : null;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(330px, 1fr))', gap: 2, alignItems: 'start' }} data-testid="account-overview">
      <Card title={t('overview.account')}>
        <Facts
          items={[
            [t('overview.status'), <StatusChip key="s" code={d.ariaStatusCode} />],
            [t('overview.balance'), <BalanceText key="b" balance={d.acctBalance} currency={d.acctCurrencyCode} data-testid="account-balance" />],
            [t('overview.currency'), d.acctCurrencyCode?.toUpperCase()],
            [t('overview.locale'), locale],
            [t('overview.startDate'), f.date(d.acctStartDate)],
            [t('overview.userId'), d.userID],
            [t('overview.masterPlanCount'), d.masterPlanCount ?? null],
            [t('overview.purchaseOrderNo'), d.purchaseOrderNo],
            [t('overview.taxpayer'), d.taxpayerID],
            [t('overview.taxExemption'), (() => {
              const level = d.taxpayerExemptionLevel ?? d.taxExemptionLevel;
              return level ? t(`taxExemption.${level}`, { defaultValue: level }) : null;
            })()],
          ]}
        />
      </Card>
      <Card title={t('overview.contact')} testId="account-contact">
        <Facts
          items={[
            [t('field.fullName'), c.fullName],
            [t('overview.address'), [c.addressLine1, c.addressLine2, c.addressLine3].filter(Boolean).join(', ')],
            [t('overview.street'), [street, flat].filter(Boolean).join(', ')],
            [t('overview.postal'), [c.postalCode, c.postalCity].filter(Boolean).join(' ')],
            [t('field.addrLocality'), c.addrLocality],
            [t('field.countryCode'), f.country(c.countryCode)],
            [
              t('overview.phones'),
              phones.length ? (
                <Box key="p" component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5 }}>
                  {phones.map(([kind, no]) => (
                    <Box key={kind} component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25 }} data-testid={`phone-${kind}`}>
                      <span>
                        {no} <Typography component="span" variant="caption" color="text.secondary">({t(`field.${kind}`)})</Typography>
                      </span>
                      <CopyButton value={no} what="phone" testId={`copy-${kind}`} />
                    </Box>
                  ))}
                </Box>
              ) : null,
            ],
            [
              t('field.emailAddress'),
              c.emailAddress ? (
                <Box key="e" component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, overflowWrap: 'anywhere' }}>
                  <span>{c.emailAddress}</span>
                  <CopyButton value={c.emailAddress} what="email" />
                </Box>
              ) : null,
            ],
            [t('field.birthDate'), f.date(c.birthDate)],
          ]}
        />
      </Card>
      <PermanentAddressCard accountNo={data.ariaAccountNo} />
      <Card title={t('overview.ownerAndCodes')}>
        <Facts
          items={[
            [t('overview.ownerTitle'), [d.ownerTitleCode, title?.titleName, d.ownerTitleDomain].filter(Boolean).join(' · ')],
            [t('field.channelCode'), code('channel', d.channelCode)],
            [t('field.reservationCode'), codeWithDate(code('reservation', d.reservationCode), d.reservationCodeDate, f.date)],
            [t('field.sourceCode'), code('source', d.sourceCode)],
            [t('field.consentCode'), codeWithDate(code('consent', d.consentCode), d.consentCodeDate, f.date)],
            [t('overview.specialPlan'), d.ariaSpecPlanMPINo ? `${d.ariaSpecPlanMPINo}` : null],
          ]}
        />
      </Card>
      <Card title={t('overview.billingGroups', { count: data.acctRetrieveAccountBillingGroupList.length })}>
        {data.acctRetrieveAccountBillingGroupList.length ? (
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
            {data.acctRetrieveAccountBillingGroupList.map((g) => (
              <Box component="li" key={g.ariaBillingGroupNo} sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {g.billingGroupName ?? g.ariaBillingGroupID} <Typography component="span" variant="caption" color="text.secondary">#{g.ariaBillingGroupNo}</Typography>
                </Typography>
                <Typography variant="caption" color="text.secondary" component="p">
                  {[g.billingGroupDesc, g.dunningGroupName && t('overview.dunning', { name: g.dunningGroupName, process: g.dunningProcessID ?? '—' })].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('overview.noBillingGroups')}
          </Typography>
        )}
      </Card>
    </Box>
  );
}
