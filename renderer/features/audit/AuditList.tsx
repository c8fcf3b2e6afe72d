// The log, newest first, in the entry listbox (renderer/components/EntryListbox): only the
// rows on screen exist in the DOM and only their pages are fetched, so 100,000 entries
// scroll like 100. Keyboard:
// ↑ ↓ move, Page Up/Down by a screen, Home/End to the ends; the selected entry shows in
// the details panel.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { INTL_LOCALE } from '../../i18n/format';
import { EntryListbox, type EntryRowProps } from '../../components/EntryListbox';
import { entryAt, useAudit } from '../../state/auditStore';
import { accountWords, actionLabel, changeSummary, stateColor, stateLabel } from './auditWords';

export const auditRowId = (index: number) => `audit-row-${index}`;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language for every row (making one per row is what would cost). */
export function useTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'nb' ? 'nb' : 'en';
  let f = timeFormats.get(locale);
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'short', timeStyle: 'medium' })));
  return f;
}

const Row = memo(function Row({ index, top, selected, onPick }: EntryRowProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const entry = useAudit((s) => entryAt(s, index));
  const total = useAudit((s) => s.total);
  const time = useTimeFormat();
  return (
    <div
      role="option"
      className="entry-row"
      id={auditRowId(index)}
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      data-seq={entry?.seq}
      onClick={() => onPick(index)}
      style={{ transform: `translateY(${top}px)` }}
    >
      {entry ? (
        <>
          <div className="entry-line">
            <span className="entry-time">{time.format(Date.parse(entry.at))}</span>
            <span className="entry-what">{actionLabel(t, entry.action)}</span>
            <span className={`entry-state entry-state-${stateColor(entry)}`}>{stateLabel(t, entry)}</span>
            {entry.accountNo !== null ? <span className="entry-muted">{accountWords(t, entry.accountNo, true)}</span> : null}
            <span className="entry-grow" />
            <span className="entry-muted">{entry.operator ? entry.operator.displayName : t('audit.noOperator')}</span>
          </div>
          <div className="entry-summary">
            {[changeSummary(t, f, entry), entry.reason ? t('audit.reasonShort', { reason: entry.reason }) : ''].filter(Boolean).join(' · ') || '\u00a0'}
          </div>
        </>
      ) : (
        <div className="entry-summary entry-loading">
          {t('audit.loadingRow')}
        </div>
      )}
    </div>
  );
});

export function AuditList() {
  const { t } = useTranslation();
  const total = useAudit((s) => s.total);
  return (
    <EntryListbox
      list={useAudit}
      rowId={auditRowId}
      // A new list (filter applied): back to the top.
      resetOn={[total]}
      renderRow={(p) => <Row {...p} />}
      label={t('audit.listLabel')}
      testId="audit-list"
    />
  );
}
