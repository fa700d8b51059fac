/** Contracts and renewals: terms, the renewals list, calendar export and CSV import/export. */
export * from './terms';
export * from './renewals';
export * from './ics';
export * from './csv';
