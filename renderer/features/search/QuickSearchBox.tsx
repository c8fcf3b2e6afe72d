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
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { possibleKinds } from '../../../shared/domain/quickSearch';
import { useSearch } from '../../state/searchStore';
import { useWorkspace } from '../../state/workspaceStore';
import { registerFocusTarget } from '../shell/focusTargets';
import { signalReady } from '../shell/readySignal';
import { RESULTS_GRID_ID, nameOf, resultRowId } from './ResultsGrid';

export function QuickSearchBox() {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  // A keystroke renders nothing here. The text field is uncontrolled: the DOM holds what is
  // typed, the store gets it on every change, and a change made elsewhere (Escape, the clear
  // button, a reset) is written back below. The combobox's aria-expanded and
  // aria-activedescendant, which every keystroke and every answer change, are set on the
  // element from a store subscription too. Rendering the text field's ~20 components for
  // each keystroke was most of the work between a keystroke's send and the page being free
  // to take the answer (docs/performance.md, bench:ui).
  const hasText = useSearch((s) => s.query !== '');

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

  useLayoutEffect(() => {
    const sync = (s: ReturnType<typeof useSearch.getState>) => {
      const input = inputRef.current;
      if (!input) return;
      if (input.value !== s.query) input.value = s.query;
      const expanded = s.status === 'done' && s.rows.length > 0;
      input.setAttribute('aria-expanded', String(expanded));
      if (expanded && s.activeIndex >= 0) input.setAttribute('aria-activedescendant', resultRowId(s.activeIndex));
      else input.removeAttribute('aria-activedescendant');
    };
    sync(useSearch.getState());
    return useSearch.subscribe(sync);
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

  return (
    <Box>
      <TextField
        inputRef={inputRef}
        defaultValue={useSearch.getState().query}
        onChange={onTextChange}
        onKeyDown={onKeyDown}
        label={t('search.quickLabel')}
        placeholder={t('search.quickPlaceholder')}
        autoComplete="off"
        slotProps={{
          htmlInput: HTML_INPUT,
          input: {
            sx: INPUT_SX,
            startAdornment: SEARCH_ADORNMENT,
            endAdornment: hasText ? (
              <InputAdornment position="end">
                <IconButton
                  aria-label={t('search.clear')}
                  onClick={() => {
                    useSearch.getState().setQuery('');
                    inputRef.current?.focus();
                  }}
                  edge="end"
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              </InputAdornment>
            ) : undefined,
          },
        }}
      />
      <KindLine />
    </Box>
  );
}

const onTextChange = (e: React.ChangeEvent<HTMLInputElement>) => useSearch.getState().setQuery(e.target.value);
const HTML_INPUT = {
  role: 'combobox',
  'aria-controls': RESULTS_GRID_ID,
  'aria-haspopup': 'grid',
  'aria-autocomplete': 'list',
  'aria-describedby': 'quick-search-hint',
  spellCheck: false,
  'data-testid': 'quick-search',
} as const;
const NO_KINDS: readonly never[] = [];
const INPUT_SX = { fontSize: '1rem', bgcolor: 'background.paper' } as const;
const SEARCH_ADORNMENT = (
  <InputAdornment position="start">
    <SearchIcon color="action" />
  </InputAdornment>
);

/**
 * The line under the box: what the shown (or coming) results are searched as, as a chip the
 * agent can override, and the hint. Its selectors compare by value (useShallow for the kind
 * lists), so a keystroke that does not change what the line says does not render it.
 */
function KindLine() {
  const { t } = useTranslation();
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  // The kind menu is mounted from its first opening on (it then keeps its closing animation);
  // until then a keystroke that renders this line does not render a closed menu too.
  const [menuUsed, setMenuUsed] = useState(false);
  if (menuAnchor && !menuUsed) setMenuUsed(true);
  const quick = useSearch((s) => s.mode === 'quick');
  const override = useSearch((s) => s.override);
  // The chip says what the shown (or coming) results are searched as; text that is not
  // being searched yet has no chip (its hint says "keep typing").
  const shownKind = useSearch((s) => (s.recognition?.term && (s.status !== 'idle' || s.override) ? (s.override ?? s.matchedAs ?? s.recognition.kinds[0] ?? null) : null));
  const notRecognised = useSearch((s) => !!s.recognition && !s.recognition.kinds.length);
  const tried = useSearch(useShallow((s) => s.triedKinds));
  const recognised = useSearch(useShallow((s) => s.recognition?.kinds ?? NO_KINDS));
  const possible = useSearch(useShallow((s) => (s.recognition?.term ? possibleKinds(s.recognition.term) : NO_KINDS)));
  const kindName = (k: string) => t(`quickKind.${k}`);

  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.75, minHeight: 26, flexWrap: 'wrap' }}>
        {quick && shownKind ? (
          <>
            <Typography variant="caption" color="text.secondary" component="span">
              {override ? t('search.searchingAs') : t('search.recognisedAs')}
            </Typography>
            <Chip
              color="primary"
              variant={override ? 'filled' : 'outlined'}
              label={`${kindName(shownKind)} ▾`}
              onClick={(e) => setMenuAnchor(e.currentTarget)}
              aria-haspopup="menu"
              aria-label={t('search.kindChipLabel', { kind: kindName(shownKind) })}
              data-testid="recognised-kind"
              data-kind={shownKind}
            />
            {tried.length && !override ? (
              <Typography variant="caption" color="text.secondary" component="span" data-testid="fallback-note">
                {t('search.fallbackNote', { tried: tried.map(kindName).join(', ') })}
              </Typography>
            ) : null}
          </>
        ) : quick && notRecognised ? (
          <Typography variant="caption" color="warning.main">
            {t('search.notRecognised')}
          </Typography>
        ) : null}
        <Typography id="quick-search-hint" variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('search.hint')}
        </Typography>
      </Box>
      {menuUsed ? (
      <Menu anchorEl={menuAnchor} open={!!menuAnchor} onClose={() => setMenuAnchor(null)}>
        <MenuItem
          selected={!override}
          onClick={() => {
            setMenuAnchor(null);
            useSearch.getState().setOverride(null);
          }}
        >
          <ListItemText primary={t('search.automatic')} secondary={recognised.length ? recognised.map(kindName).join(' → ') : undefined} />
        </MenuItem>
        {possible.map((k) => (
          <MenuItem
            key={k}
            selected={override === k}
            onClick={() => {
              setMenuAnchor(null);
              useSearch.getState().setOverride(k);
            }}
          >
            {kindName(k)}
          </MenuItem>
        ))}
      </Menu>
      ) : null}
    </>
  );
}
