// Each operator's UI preferences (theme, language), kept by main in the data folder so they
// survive a restart of the web host, whose random port gives the page a new origin (and an
// empty localStorage) every launch (D36). An unreadable file is treated as no preferences.
import { existsSync, readFileSync } from 'node:fs';
import { writeJsonDurably } from '../drafts/draftStore';

export interface UiPrefs {
  theme?: 'system' | 'light' | 'dark';
  locale?: 'en' | 'nb';
}

export class UiPrefsStore {
  private data: Record<string, UiPrefs>;

  constructor(private readonly file: string) {
    this.data = Object.create(null) as Record<string, UiPrefs>;
    try {
      if (existsSync(file)) Object.assign(this.data, JSON.parse(readFileSync(file, 'utf8')) as Record<string, UiPrefs>);
    } catch {
      // preferences are a convenience: start from the defaults
    }
  }

  get(operatorId: string): UiPrefs {
    return { ...this.data[operatorId] };
  }

  put(operatorId: string, patch: UiPrefs): UiPrefs {
    const next = { ...this.data[operatorId], ...patch };
    this.data[operatorId] = next;
    writeJsonDurably(this.file, this.data);
    return { ...next };
  }
}
