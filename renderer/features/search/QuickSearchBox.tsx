// The quick-search box: recognises what is typed (shared/domain/quickSearch), shows it as
// a chip the user can override, and drives the results grid as a combobox.
import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { possibleKinds } from '../../../shared/domain/quickSearch';
import { useSearch } from '../../state/searchStore';
import { useWorkspace } from '../../state/workspaceStore';
import { registerFocusTarget } from '../shell/focusTargets';
import { signalReady } from '../shell/readySignal';
import { RESULTS_GRID_ID, nameOf, resultRowId } from './ResultsGrid';

export function QuickSearchBox() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const query = useSearch((s) => s.query);
  const recognition = useSearch((s) => s.recognition);
  const override = useSearch((s) => s.override);
  const matchedAs = useSearch((s) => s.matchedAs);
  const triedKinds = useSearch((s) => s.triedKinds);
  const mode = useSearch((s) => s.mode);
  const status = useSearch((s) => s.status);
  const rowCount = useSearch((s) => s.rows.length);
  const activeIndex = useSearch((s) => s.activeIndex);

  useEffect(() => {
    const focus = () => inputRef.current?.focus();
    const unregister = registerFocusTarget('search', () => {
      focus();
      inputRef.current?.select();
    });
    focus();
    if (document.activeElement === inputRef.current) signalReady();
    return unregister;
  }, []);

  const openActive = () => {
    const s = useSearch.getState();
    const row = s.rows[s.activeIndex];
    if (row) useWorkspace.getState().open(row.ariaAccountNo, nameOf(row));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const s = useSearch.getState();
    if (e.key === 'ArrowDown' && !e.altKey) {
      e.preventDefault();
      s.moveActive(1);
    } else if (e.key === 'ArrowUp' && !e.altKey) {
      e.preventDefault();
      s.moveActive(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Results found for exactly what is in the box: open the highlighted one; otherwise
      // search what is in the box now (never open a row of an earlier text).
      if (s.status === 'done' && s.rows.length && s.activeIndex >= 0 && s.mode === 'quick' && s.resultsFor === s.query) openActive();
      else s.submit();
    } else if (e.key === 'Escape' && s.query) {
      e.preventDefault();
      s.setQuery('');
    }
  };

  // The chip says what the shown (or coming) results are searched as; text that is not
  // being searched yet has no chip (its hint says "keep typing").
  const searched = status !== 'idle' || !!override;
  const shownKind = searched ? (override ?? matchedAs ?? recognition?.kinds[0] ?? null) : null;
  const kinds = recognition?.term ? possibleKinds(recognition.term) : [];
  const expanded = status === 'done' && rowCount > 0;

  return (
    <Box>
      <TextField
        inputRef={inputRef}
        value={query}
        onChange={(e) => useSearch.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        label={t('search.quickLabel')}
        placeholder={t('search.quickPlaceholder')}
        autoComplete="off"
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-expanded': expanded,
            'aria-controls': RESULTS_GRID_ID,
            'aria-haspopup': 'grid',
            'aria-autocomplete': 'list',
            'aria-activedescendant': expanded && activeIndex >= 0 ? resultRowId(activeIndex) : undefined,
            'aria-describedby': 'quick-search-hint',
            spellCheck: false,
            'data-testid': 'quick-search',
          },
          input: {
            sx: { fontSize: '1rem', bgcolor: 'background.paper' },
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon color="action" />
              </InputAdornment>
            ),
            endAdornment: query ? (
              <InputAdornment position="end">
                <IconButton aria-label={t('search.clear')} onClick={() => useSearch.getState().setQuery('')} edge="end">
                  <CloseIcon fontSize="small" />
                </IconButton>
              </InputAdornment>
            ) : undefined,
          },
        }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.75, minHeight: 26, flexWrap: 'wrap' }}>
        {mode === 'quick' && recognition?.term && shownKind ? (
          <>
            <Typography variant="caption" color="text.secondary" component="span">
              {override ? t('search.searchingAs') : t('search.recognisedAs')}
            </Typography>
            <Chip
              color="primary"
              variant={override ? 'filled' : 'outlined'}
              label={`${t(`quickKind.${shownKind}`)} ▾`}
              onClick={(e) => setMenuAnchor(e.currentTarget)}
              aria-haspopup="menu"
              aria-label={t('search.kindChipLabel', { kind: t(`quickKind.${shownKind}`) })}
              data-testid="recognised-kind"
              data-kind={shownKind}
            />
            {triedKinds.length && !override ? (
              <Typography variant="caption" color="text.secondary" component="span" data-testid="fallback-note">
                {t('search.fallbackNote', { tried: triedKinds.map((k) => t(`quickKind.${k}`)).join(', ') })}
              </Typography>
            ) : null}
          </>
        ) : mode === 'quick' && recognition && !recognition.kinds.length ? (
          <Typography variant="caption" color="warning.main">
            {t('search.notRecognised')}
          </Typography>
        ) : null}
        <Typography id="quick-search-hint" variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('search.hint')}
        </Typography>
      </Box>
      <Menu anchorEl={menuAnchor} open={!!menuAnchor} onClose={() => setMenuAnchor(null)}>
        <MenuItem
          selected={!override}
          onClick={() => {
            setMenuAnchor(null);
            useSearch.getState().setOverride(null);
          }}
        >
          <ListItemText primary={t('search.automatic')} secondary={recognition?.kinds.map((k) => t(`quickKind.${k}`)).join(' → ')} />
        </MenuItem>
        {kinds.map((k) => (
          <MenuItem
            key={k}
            selected={override === k}
            onClick={() => {
              setMenuAnchor(null);
              useSearch.getState().setOverride(k);
            }}
          >
            {t(`quickKind.${k}`)}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
}
