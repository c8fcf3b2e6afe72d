/** What a date input holds when the text typed is no date (31.02.1980): never dropped silently. */
export const INVALID_DATE = 'invalid-date';
