// The workspace's rows, newest first, in the entry listbox the desk log uses too
// (renderer/components/EntryListbox): only the rows on screen exist in the DOM and only
// their pages are fetched, so 100,000 rows scroll like 100. ↑ ↓, Page Up/Down, Home/End
// move; Enter opens the account. Each row: when, what, the account, who, on which desk (team
// store), the change in words and the review state.
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { ReviewView } from '../../../shared/ipc';
import { EntryListbox, type EntryRowProps } from '../../components/EntryListbox';
import { useTimeFormat } from '../audit/AuditList';
import { accountWords, actionLabel, changeSummary } from '../audit/auditWords';
import { useRowAt, useSupervision } from './store';

export const rowId = (index: number) => `supervision-row-${index}`;

/** The review chip's colour: a flag stands out. */
const REVIEW_CHIP = { flagged: 'entry-state entry-state-error entry-strong', reviewed: 'entry-state entry-state-success' } as const;

export function reviewWords(t: TFunction, r: ReviewView | null): string {
  if (!r) return t('supervision.review.none');
  const state = t(`supervision.review.${r.state}`);
  return r.acknowledged ? `${state} · ${t('supervision.review.acknowledgedShort')}` : state;
}

const Row = memo(function Row({ index, top, selected, team, onPick }: EntryRowProps & { team: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const row = useRowAt(index);
  const total = useSupervision((s) => s.total);
  // "More than n": the size is not known yet (ARIA: -1).
  const known = useSupervision((s) => s.moreThan === null);
  const time = useTimeFormat();
  const e = row?.entry;
  return (
    <div
      role="option"
      className="entry-row"
      id={rowId(index)}
      aria-selected={selected}
      aria-setsize={known ? total : -1}
      aria-posinset={index + 1}
      data-hash={e?.hash}
      data-review={row?.review?.state ?? ''}
      onClick={() => onPick(index)}
      style={{ transform: `translateY(${top}px)` }}
    >
      {e ? (
        <>
          <div className="entry-line">
            <span className="entry-time">{time.format(Date.parse(e.at))}</span>
            <span className="entry-what">{actionLabel(t, e.action)}</span>
            {row.review ? <span className={REVIEW_CHIP[row.review.state]}>{reviewWords(t, row.review)}</span> : null}
            {e.kind === 'intent' && !e.reason && !e.action.startsWith('comment.') && e.action !== 'reason.add' ? <span className="entry-state entry-state-warning">{t('supervision.noReasonChip')}</span> : null}
            {e.accountNo !== null ? <span className="entry-muted">{accountWords(t, e.accountNo, true)}</span> : null}
            <span className="entry-grow" />
            <span className="entry-muted">{e.operator ? e.operator.displayName : t('audit.noOperator')}</span>
            {team ? <span className="entry-muted">{t('supervision.deskShort', { desk: e.deskId.slice(0, 8) })}</span> : null}
          </div>
          <div className="entry-summary">{[changeSummary(t, f, e), e.reason ? t('audit.reasonShort', { reason: e.reason }) : ''].filter(Boolean).join(' · ') || '\u00a0'}</div>
        </>
      ) : (
        <div className="entry-summary entry-loading">
          {t('audit.loadingRow')}
        </div>
      )}
    </div>
  );
});

export function SupervisionList({ onOpen }: { onOpen: (index: number) => void }) {
  const { t } = useTranslation();
  const team = useSupervision((s) => s.source?.source === 'team');
  const view = useSupervision((s) => s.view);
  // Back to the top for a new first page (not when a "more than" list grows as it scrolls).
  const pin = useSupervision((s) => s.pin);
  return (
    <EntryListbox
      list={useSupervision}
      rowId={rowId}
      resetOn={[pin, view]}
      onEnter={onOpen}
      renderRow={(p) => <Row {...p} team={team} />}
      label={t(`supervision.listLabel.${view}`)}
      testId="supervision-list"
    />
  );
}
