/** Calendar dates, their parsing and billing periods; see each module for details. */
export * from './iso-date';
export * from './parse';
export * from './period';
