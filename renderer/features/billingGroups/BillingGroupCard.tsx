// One billing group: payment option, terms or method (masked card for METHODS),
// statement contact, dunning group and process.
import CreditCardIcon from '@mui/icons-material/CreditCard';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BillingGroupInfo, PaymentMethodOut } from '../../../shared/amps';
import { Facts } from '../account/Overview';
import { cardExpired, cardLabel, findPaymentMethod } from './cards';

interface Props {
  group: BillingGroupInfo;
  methods: PaymentMethodOut[] | null | undefined;
  canRemove: boolean;
  onEdit(): void;
  onRemove(): void;
  /** Opens the card update through the provider's form (renderer/features/cardUpdate). */
  onUpdateCard?: (() => void) | undefined;
}

export function BillingGroupCard({ group: g, methods, canRemove, onEdit, onRemove, onUpdateCard }: Props) {
  const { t } = useTranslation();
  const terms = g.paymentTermInfo;
  const primary = findPaymentMethod(methods, g.paymentMethodInfo?.primaryPaymentMethodID);
  const backup = findPaymentMethod(methods, g.paymentMethodInfo?.backupPaymentMethodID);
  const c = g.statementContactDetails;
  const name = g.billingGroupName ?? g.ariaBillingGroupID;
  const payment =
    g.paymentOption === 'METHODS' ? (
      <Box sx={{ display: 'grid', gap: 0.25 }}>
        <span data-testid="masked-card">
          <CreditCardIcon sx={{ fontSize: 16, verticalAlign: 'text-bottom', mr: 0.5 }} aria-hidden />
          {primary ? cardLabel(primary) : t('billingGroups.noCardYet')}
          {primary && cardExpired(primary) ? <ExpiredChip label={t('cardUpdate.expired')} /> : null}
        </span>
        {backup ? (
          <span data-testid="backup-card">
            {t('billingGroups.backup', { card: cardLabel(backup) })}
            {cardExpired(backup) ? <ExpiredChip label={t('cardUpdate.expired')} /> : null}
          </span>
        ) : null}
      </Box>
    ) : terms ? (
      [t(`terms.${terms.paymentTerms}`, { defaultValue: terms.paymentTerms }), terms.paymentTermID, terms.paymentTerms === 'EHF' ? t('billingGroups.ean', { ean: terms.paymentEANNum ?? '—', req: terms.paymentEANRequisitionNum ?? '—' }) : null]
        .filter(Boolean)
        .join(' · ')
    ) : null;

  return (
    <Paper variant="outlined" component="article" aria-labelledby={`bg-${g.ariaBillingGroupNo}`} data-testid={`billing-group-${g.ariaBillingGroupNo}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography id={`bg-${g.ariaBillingGroupNo}`} variant="h3" component="h2">
          {name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          #{g.ariaBillingGroupNo} · {g.ariaBillingGroupID}
        </Typography>
        {g.billingGroupStatus ? (
          <Chip label={t(`groupStatus.${g.billingGroupStatus}`, { defaultValue: g.billingGroupStatus })} color={g.billingGroupStatus === 'ACTIVE' ? 'success' : 'default'} variant="outlined" />
        ) : null}
        <Chip label={g.paymentOption ? t(`paymentOption.${g.paymentOption}`) : t('common.notSet')} variant="outlined" />
        <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
          {onUpdateCard ? (
            <Button startIcon={<CreditCardIcon />} onClick={onUpdateCard} aria-label={t('cardUpdate.openNamed', { name })} data-testid="update-card">
              {t('cardUpdate.open')}
            </Button>
          ) : null}
          <Button startIcon={<EditIcon />} onClick={onEdit} aria-label={t('billingGroups.editNamed', { name })}>
            {t('common.edit')}
          </Button>
          <Tooltip title={canRemove ? '' : t('billingGroups.lastGroup')}>
            <span>
              <Button startIcon={<DeleteOutlineIcon />} color="error" onClick={onRemove} disabled={!canRemove} aria-label={t('billingGroups.removeNamed', { name })}>
                {t('common.remove')}
              </Button>
            </span>
          </Tooltip>
        </Box>
      </Box>
      {g.billingGroupDesc ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {g.billingGroupDesc}
        </Typography>
      ) : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: 2 }}>
        <Facts
          items={[
            [t('field.paymentOption'), g.paymentOption ? t(`paymentOption.${g.paymentOption}`) : null],
            [g.paymentOption === 'METHODS' ? t('billingGroups.method') : t('field.paymentTerms'), payment],
            [t('field.notifyMethod'), g.notifyMethod ? t(`notify.${g.notifyMethod}`, { defaultValue: g.notifyMethod }) : null],
            [t('billingGroups.payOption'), [g.payOptionInfo?.payOptionName ?? g.payOptionInfo?.payOptionID, g.payOptionInfo?.payOptionVariantName ?? g.payOptionInfo?.payOptionVariant].filter(Boolean).join(' · ')],
            [t('field.titleCode'), g.titleDetails ? [g.titleDetails.titleCode, g.titleDetails.titleName].filter(Boolean).join(' · ') : null],
          ]}
        />
        <Facts
          items={[
            [t('billingGroups.statementContact'), c ? [c.fullName, g.statementContactNo ? `#${g.statementContactNo}` : null].filter(Boolean).join(' ') : null],
            [t('overview.address'), c ? [c.addressLine1, [c.postalCode, c.postalCity].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null],
            [t('field.emailAddress'), c?.emailAddress],
            [t('billingGroups.dunningGroup'), [g.dunningGroupName, g.ariaDunningGroupNo ? `#${g.ariaDunningGroupNo}` : null].filter(Boolean).join(' ')],
            [t('field.dunningProcessID'), g.dunningProcessID],
          ]}
        />
      </Box>
    </Paper>
  );
}

/** "Expired" next to a card, in words (not colour alone). */
function ExpiredChip({ label }: { label: string }) {
  return <Chip size="small" color="error" variant="outlined" label={label} sx={{ ml: 1 }} data-testid="card-expired" />;
}
