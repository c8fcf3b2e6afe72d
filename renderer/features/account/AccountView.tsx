// One open account: header (who, status, balance), title filter, and the sections.
// Sections stay mounted once visited, so nothing typed is lost when switching.
import EditIcon from '@mui/icons-material/Edit';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import RefreshIcon from '@mui/icons-material/Refresh';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BalanceText } from '../../components/Balance';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/StateViews';
import { StatusChip } from '../../components/StatusChip';
import { useWorkspace, type AccountSection } from '../../state/workspaceStore';
import { BillingGroupsPanel } from '../billingGroups/BillingGroupsPanel';
import { CommentsPanel } from '../comments/CommentsPanel';
import { PermAddressPanel } from '../permAddress/PermAddressPanel';
import { EditContactDialog } from './EditContactDialog';
import { ManageAccountDialog } from './ManageAccountDialog';
import { PlansPanel } from '../plans/PlansPanel';
import { Overview } from './Overview';
import { PendingChanges } from '../outbox/PendingChanges';
import { TitleFilterControl } from './TitleFilterControl';
import { registerFocusTarget } from '../shell/focusTargets';
import { ariaKeyShortcuts } from '../shell/shortcuts';

export const SECTIONS: AccountSection[] = ['overview', 'billingGroups', 'comments', 'address', 'plans'];
/** The DOM id of an account's section tab (shortcuts move the focus there). */
export const sectionTabId = (accountNo: number, s: AccountSection) => `acct-${accountNo}-${s}-tab`;

export function AccountView({ accountNo, active }: { accountNo: number; active: boolean }) {
  const { t } = useTranslation();
  const entry = useWorkspace((s) => s.accounts[accountNo]);
  const [visited, setVisited] = useState<Set<AccountSection>>(() => new Set(['overview']));
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The contact edit and account management dialogs (issue 10; features/account).
  const [dialog, setDialog] = useState<'contact' | 'manage' | null>(null);
  const opened = entry?.opened ?? 0;
  const hasDetails = !!entry?.data?.acctRetrieveAccountDetails;
  // Alt+E / Alt+U (features/shell/shortcuts.ts) open the same dialogs as the header's buttons,
  // while this account is on screen and its details (which the buttons need) have loaded.
  useEffect(() => {
    if (!active || !hasDetails) return;
    const offContact = registerFocusTarget(`contact:${accountNo}`, () => setDialog('contact'));
    const offManage = registerFocusTarget(`manage:${accountNo}`, () => setDialog('manage'));
    return () => {
      offContact();
      offManage();
    };
  }, [accountNo, active, hasDetails]);
  // Opening an account (from the results, the recent list, or again) puts the focus on its
  // heading, so a screen reader says whose account this is and Tab goes on from there.
  useEffect(() => {
    if (!active || !opened) return;
    const frame = requestAnimationFrame(() => headingRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [opened, active]);
  if (!entry) return null;
  const section = entry.section;
  if (!visited.has(section)) setVisited(new Set([...visited, section]));
  const data = entry.data;
  const d = data?.acctRetrieveAccountDetails;
  const sectionId = (s: AccountSection) => `acct-${accountNo}-${s}`;

  return (
    <Box
      sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}
      data-testid={`account-${accountNo}`}
      data-account-state={entry.status}
      aria-busy={entry.status === 'loading'}
    >
      <Box sx={{ px: 2, pt: 1.5, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h1" component="h1" sx={{ mr: 0.5, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: 'none' } }} tabIndex={-1} ref={headingRef} data-testid="account-heading">
            {entry.label}
          </Typography>
          <Typography variant="body2" color="text.secondary" component="div" sx={{ display: 'flex', alignItems: 'center', gap: 0.25, flexWrap: 'wrap' }}>
            <span>{t('desk.account.number', { no: accountNo })}</span>
            <CopyButton value={accountNo} what="accountNo" />
            <span aria-hidden> · </span>
            <span>{t('desk.account.id', { id: data?.ariaAccountID ?? '—' })}</span>
            <CopyButton value={data?.ariaAccountID} what="accountId" />
            {entry.kid ? (
              <>
                <span aria-hidden> · </span>
                <span data-testid="account-kid">{t('desk.account.foundByKid', { kid: entry.kid })}</span>
                <CopyButton value={entry.kid} what="kid" />
              </>
            ) : null}
          </Typography>
          {d ? <StatusChip code={d.ariaStatusCode} /> : null}
          {d ? <BalanceText balance={d.acctBalance} currency={d.acctCurrencyCode} variant="body1" /> : null}
          <Box sx={{ ml: 'auto', display: 'flex', gap: 1 }}>
            {d ? (
              <>
                <Button startIcon={<EditIcon />} onClick={() => setDialog('contact')} aria-keyshortcuts={ariaKeyShortcuts('editContact')} data-testid="edit-contact">
                  {t('contactEdit.open')}
                </Button>
                <Button startIcon={<ManageAccountsIcon />} onClick={() => setDialog('manage')} aria-keyshortcuts={ariaKeyShortcuts('manageAccount')} data-testid="manage-account-open">
                  {t('manageAccount.open')}
                </Button>
              </>
            ) : null}
            <TitleFilterControl accountNo={accountNo} />
            <Button startIcon={<RefreshIcon />} onClick={() => void useWorkspace.getState().load(accountNo)}>
              {t('common.reload')}
            </Button>
          </Box>
        </Box>
        <Tabs
          value={section}
          onChange={(_e, v: AccountSection) => useWorkspace.getState().setSection(accountNo, v)}
          aria-label={t('account.sections')}
          sx={{ mt: 0.5 }}
        >
          {SECTIONS.map((s) => (
            <Tab key={s} value={s} label={t(`account.section.${s}`)} id={sectionTabId(accountNo, s)} aria-controls={sectionId(s)} />
          ))}
        </Tabs>
      </Box>
      {dialog === 'contact' && d ? <EditContactDialog accountNo={accountNo} contact={d.acctContactDetails} onClose={() => setDialog(null)} /> : null}
      {dialog === 'manage' && data ? <ManageAccountDialog accountNo={accountNo} data={data} onClose={() => setDialog(null)} /> : null}
      <PendingChanges accountNo={accountNo} />
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 2 }}>
        {SECTIONS.filter((s) => visited.has(s)).map((s) => (
          <Box
            key={s}
            role="tabpanel"
            id={sectionId(s)}
            aria-labelledby={`${sectionId(s)}-tab`}
            hidden={s !== section}
            sx={s === 'comments' ? { height: '100%' } : undefined}
          >
            {s === 'overview' ? (
              <Box sx={{ display: 'grid', gap: 2 }}>
                {entry.status === 'error' && entry.error ? (
                  <ErrorAlert error={entry.error} title={t('account.loadFailed')} onRetry={() => void useWorkspace.getState().load(accountNo)} />
                ) : null}
                {entry.status === 'loading' && !data ? <Loading label={t('account.loading')} /> : null}
                {data ? <Overview data={data} /> : null}
              </Box>
            ) : s === 'billingGroups' ? (
              <BillingGroupsPanel accountNo={accountNo} active={active && section === s} />
            ) : s === 'comments' ? (
              <CommentsPanel accountNo={accountNo} active={active && section === s} />
            ) : s === 'plans' ? (
              <PlansPanel accountNo={accountNo} active={active && section === s} />
            ) : (
              <PermAddressPanel accountNo={accountNo} active={active && section === s} />
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
