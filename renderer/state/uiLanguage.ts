// The operator's UI language as the commands carry it: main writes reason comments in it.
import i18next from 'i18next';
import type { UiLanguage } from '../../shared/commands';

export const uiLanguage = (): UiLanguage => (i18next.language === 'nb' ? 'nb' : 'en');
