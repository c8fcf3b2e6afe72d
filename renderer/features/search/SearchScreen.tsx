// The search screen: quick box, the advanced panel on demand, the results, recent accounts.
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, SearchResultRow } from '../../../shared/ipc';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Empty } from '../../components/StateViews';
import { nextLimit, useSearch, type SearchState } from '../../state/searchStore';
import type { ResultSort, SortKey } from '../../state/searchSort';
import { INTL_LOCALE } from '../../i18n/format';

const DATA_COLLATION = INTL_LOCALE.nb;
import { useWorkspace } from '../../state/workspaceStore';
import { AdvancedSearchPanel } from './AdvancedSearchPanel';
import { QuickSearchBox } from './QuickSearchBox';
import { RecentAccounts } from './RecentAccounts';
import { ResultsGrid, nameOf } from './ResultsGrid';
import { CreateAccountHost } from '../createAccount/CreateAccountDialog';
import { useCreateAccount } from '../createAccount/createAccountStore';

/** The sandbox refuses a "like" term too short to use an index (docs/sandbox.md): say so in the UI language. */
const tooShort = (e: IpcError) => (e.fields ?? []).some((f) => /^type at least 3 characters/.test(f.message)) || /^type at least 3 characters/.test(e.message);

interface ShownGrid {
  rows: readonly SearchResultRow[];
  activeIndex: number;
  sort: ResultSort | null;
  /** The text the rows were found for as words (the name kind), or null: rows say which words matched a delivery address (D102). */
  words: string | null;
  /** Where on a delivery address those words fit, by account number (D103). */
  deliveryPlaces: SearchState['deliveryPlaces'];
}
/** content-visibility: hidden skips the kept grid's style, layout and paint until it is shown again. */
const STALE = { visibility: 'hidden', contentVisibility: 'hidden' } as const;

/** A search that answers within this time shows no progress bar (most do: no flicker, no work while it runs). */
const SLOW_SEARCH_MS = 300;

/** True once `on` has stayed true for `delayMs`; false as soon as it turns false. */
function useShownAfter(on: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [on, delayMs]);
  return on && shown;
}

function ResultsRegion() {
  const { t } = useTranslation();
  const status = useSearch((s) => s.status);
  // A search is due (debounce): the text counts as being searched from its keystroke on.
  const scheduled = useSearch((s) => s.scheduled);
  const rows = useSearch((s) => s.rows);
  const more = useSearch((s) => s.more);
  const limit = useSearch((s) => s.limit);
  const error = useSearch((s) => s.error);
  const seq = useSearch((s) => s.seq);
  const slowSearch = useShownAfter(status === 'loading', SLOW_SEARCH_MS);
  const activeIndex = useSearch((s) => s.activeIndex);
  const query = useSearch((s) => s.query);
  const mode = useSearch((s) => s.mode);
  const recognition = useSearch((s) => s.recognition);
  const sort = useSearch((s) => s.sort);
  // Rows found as words (the name kind): the text they were found for, read only while
  // rows are shown (any change of the text clears them in the same change).
  const words = useSearch((s) => (s.rows.length && s.mode === 'quick' && s.matchedAs === 'name' && s.recognition ? s.recognition.term : null));
  const deliveryPlaces = useSearch((s) => s.deliveryPlaces);
  // Norwegian names and places sort by Norwegian rules (Æ, Ø, Å after Z) in either UI language.
  const onSort = useCallback((key: SortKey) => useSearch.getState().toggleSort(key, DATA_COLLATION), []);
  const onOpen = useCallback((i: number) => {
    const row = useSearch.getState().rows[i];
    if (row) useWorkspace.getState().open(row.ariaAccountNo, nameOf(row));
  }, []);
  const onActivate = useCallback((i: number) => useSearch.getState().setActive(i), []);
  const higher = nextLimit(limit);
  // The grid last shown, kept hidden while a search for a new text runs. A keystroke then
  // costs one style change instead of tearing the grid down (and the answer building it
  // again) while the answer is on its way, and the answer's rows replace the old ones in
  // place. Hidden is hidden for everyone: not painted, not in the accessibility tree, not
  // focusable or clickable (inert); Enter opens only rows of the text in the box (searchStore).
  const [kept, setKept] = useState<ShownGrid | null>(null);
  if (rows.length && (kept?.rows !== rows || kept.activeIndex !== activeIndex || kept.sort !== sort || kept.words !== words || kept.deliveryPlaces !== deliveryPlaces))
    setKept({ rows, activeIndex, sort, words, deliveryPlaces });
  const stale = !rows.length && (status === 'loading' || scheduled);
  if (!rows.length && !stale && kept) setKept(null);
  const grid = rows.length ? { rows, activeIndex, sort, words, deliveryPlaces } : stale ? kept : null;

  let summary: React.ReactNode = null;
  if (status === 'done' && rows.length) {
    summary = more ? (
      <>
        <Typography variant="body2" component="span" data-testid="more-note">
          {t('search.moreMatch', { count: rows.length })}
        </Typography>
        {higher ? (
          <Button size="small" onClick={() => useSearch.getState().setLimit(higher)}>
            {t('search.showUpTo', { count: higher })}
          </Button>
        ) : (
          <Typography variant="body2" component="span" color="text.secondary">
            {t('search.narrowDown')}
          </Typography>
        )}
      </>
    ) : (
      <Typography variant="body2" component="span">
        {t('search.count', { count: rows.length })}
      </Typography>
    );
  }

  return (
    <Box
      component="section"
      aria-label={t('search.results')}
      data-testid="search-results"
      data-search-state={status}
      data-search-seq={seq}
      sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 1 }}
    >
      <Box sx={{ height: 4 }}>{slowSearch ? <LinearProgress aria-label={t('search.searching')} /> : null}</Box>
      <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 28 }}>
        {summary}
      </Box>
      {status === 'error' && error && tooShort(error) ? (
        <Alert severity="info" data-testid="search-too-short">
          {t('search.tooShort')}
        </Alert>
      ) : status === 'error' && error ? (
        <ErrorAlert error={error} title={t('search.failed')} onRetry={() => useSearch.getState().submit()} />
      ) : null}
      {status === 'done' && !rows.length ? (
        <Paper variant="outlined">
          <Empty icon={<PersonSearchIcon />} title={t('search.noMatch')} hint={mode === 'quick' ? t('search.noMatchHintQuick') : t('search.noMatchHintAdvanced')} />
        </Paper>
      ) : null}
      {status === 'idle' && !scheduled && query.trim() && recognition?.kinds.length ? (
        <Typography variant="body2" color="text.secondary" data-testid="keep-typing">
          {/^[\d\s+-]+$/.test(query.trim()) ? t('search.keepTyping') : t('search.keepTypingText')}
        </Typography>
      ) : null}
      {status === 'idle' && !query ? (
        <Paper variant="outlined">
          <Empty icon={<ManageSearchIcon />} title={t('search.emptyTitle')} hint={t('search.emptyHint')} />
        </Paper>
      ) : null}
      {grid ? (
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }} style={stale ? STALE : undefined} aria-hidden={stale || undefined} inert={stale} data-stale={stale || undefined}>
          <ResultsGrid rows={grid.rows} activeIndex={grid.activeIndex} label={t('search.results')} sort={grid.sort} words={grid.words} deliveryPlaces={grid.deliveryPlaces} onSort={onSort} onActivate={onActivate} onOpen={onOpen} />
        </Box>
      ) : null}
    </Box>
  );
}

export function SearchScreen() {
  const { t } = useTranslation();
  const [advanced, setAdvanced] = useState(false);
  return (
    <Box sx={{ display: 'flex', height: '100%', gap: 2, p: 2 }}>
      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="h1" component="h1" className="visually-hidden">
          {t('search.title')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <QuickSearchBox />
          </Box>
          <Button
            variant={advanced ? 'contained' : 'outlined'}
            onClick={() => setAdvanced((a) => !a)}
            aria-expanded={advanced}
            aria-controls="advanced-search"
            sx={{ mt: 0.5, whiteSpace: 'nowrap' }}
          >
            {t('search.advanced')}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PersonAddIcon />}
            onClick={() => useCreateAccount.getState().show()}
            aria-keyshortcuts="Alt+N"
            sx={{ mt: 0.5, whiteSpace: 'nowrap' }}
            data-testid="new-account"
          >
            {t('createAccount.button')}
          </Button>
        </Box>
        <CreateAccountHost />
        <Collapse in={advanced} id="advanced-search" unmountOnExit={false}>
          <AdvancedSearchPanel />
        </Collapse>
        <ResultsRegion />
      </Box>
      <Paper variant="outlined" sx={{ width: 250, flexShrink: 0, p: 1.5, overflowY: 'auto', display: { xs: 'none', md: 'block' } }}>
        <RecentAccounts />
      </Paper>
    </Box>
  );
}
