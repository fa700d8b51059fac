/** Spreadsheet writers (CSV, XLSX) and the chargeback export built on them. */
export * from './csv';
export * from './xlsx';
export * from './xlsx-cut-text';
export * from './chargeback';
