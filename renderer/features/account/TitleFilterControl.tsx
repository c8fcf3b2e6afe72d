// Title filtering (004 titleFiltering): show only the billing groups of some titles,
// named by title code or title domain. Applies to the overview and the billing groups.
import FilterListIcon from '@mui/icons-material/FilterList';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBillingGroups } from '../../state/billingGroupsStore';
import { useWorkspace, type TitleFilterEntry } from '../../state/workspaceStore';

const describe = (f: TitleFilterEntry) => [f.titleCode, f.titleDomain].filter(Boolean).join(' · ');

export function TitleFilterControl({ accountNo }: { accountNo: number }) {
  const { t } = useTranslation();
  const filter = useWorkspace((s) => s.accounts[accountNo]?.titleFilter ?? []);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [draft, setDraft] = useState<TitleFilterEntry[]>([]);
  const [code, setCode] = useState('');
  const [domain, setDomain] = useState('');

  const apply = (next: TitleFilterEntry[]) => {
    useWorkspace.getState().setTitleFilter(accountNo, next);
    void useBillingGroups.getState().load(accountNo);
    setAnchor(null);
  };
  const add = () => {
    if (!code.trim() && !domain.trim()) return;
    setDraft((d) => [...d, { ...(code.trim() ? { titleCode: code.trim().toUpperCase() } : {}), ...(domain.trim() ? { titleDomain: domain.trim() } : {}) }]);
    setCode('');
    setDomain('');
  };

  return (
    <>
      <Button
        startIcon={<FilterListIcon />}
        variant={filter.length ? 'contained' : 'outlined'}
        onClick={(e) => {
          setDraft(filter);
          setAnchor(e.currentTarget);
        }}
        aria-haspopup="dialog"
      >
        {filter.length ? t('titleFilter.active', { list: filter.map(describe).join(', ') }) : t('titleFilter.all')}
      </Button>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t('titleFilter.title'), sx: { p: 2, width: 380 } } }}
      >
        <Typography variant="subtitle2" component="h2">
          {t('titleFilter.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('titleFilter.help')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mb: 1.5, minHeight: 24 }}>
          {draft.length ? (
            draft.map((f, i) => <Chip key={`${describe(f)}-${i}`} label={describe(f)} onDelete={() => setDraft((d) => d.filter((_, j) => j !== i))} />)
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('titleFilter.none')}
            </Typography>
          )}
        </Box>
        <Box
          component="form"
          sx={{ display: 'flex', gap: 1 }}
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <TextField label={t('field.titleCode')} value={code} onChange={(e) => setCode(e.target.value)} slotProps={{ htmlInput: { maxLength: 50 } }} />
          <TextField label={t('field.titleDomain')} value={domain} onChange={(e) => setDomain(e.target.value)} slotProps={{ htmlInput: { maxLength: 50 } }} />
          <Button type="submit" variant="outlined">
            {t('common.add')}
          </Button>
        </Box>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 2 }}>
          <Button onClick={() => apply([])} disabled={!filter.length && !draft.length}>
            {t('titleFilter.clear')}
          </Button>
          <Button variant="contained" onClick={() => apply(draft)}>
            {t('titleFilter.apply')}
          </Button>
        </Box>
      </Popover>
    </>
  );
}
