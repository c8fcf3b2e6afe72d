// Copies one value (account number, ID, KID, phone, email) and says so: a check mark for
// the eye, an announcement for screen readers. The clipboard API first; where it is refused
// (a denied permission) the older copy command on a hidden field; otherwise a plain message.
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncer } from '../state/announcer';

export type CopyWhat = 'accountNo' | 'accountId' | 'kid' | 'phone' | 'email';

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  const focused = document.activeElement as HTMLElement | null;
  area.select();
  let done: boolean;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  focused?.focus();
  return done;
}

export function CopyButton({ value, what, testId }: { value: string | number | null | undefined; what: CopyWhat; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  if (value === null || value === undefined || value === '') return null;
  const label = t('desk.copy.button', { what: t(`desk.copy.what.${what}`) });
  return (
    <Tooltip title={copied ? t(`desk.copy.done.${what}`) : label}>
      <IconButton
        aria-label={label}
        data-testid={testId ?? `copy-${what}`}
        onClick={async () => {
          const ok = await copyText(String(value));
          setCopied(ok);
          useAnnouncer.getState().announce(ok ? t(`desk.copy.done.${what}`) : t('desk.copy.failed'));
        }}
        sx={{ p: 0.25, color: copied ? 'success.dark' : 'text.secondary' }}
      >
        {copied ? <CheckIcon sx={{ fontSize: 16 }} /> : <ContentCopyIcon sx={{ fontSize: 16 }} />}
      </IconButton>
    </Tooltip>
  );
}
