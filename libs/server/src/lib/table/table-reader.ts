// The read side of the table module, without the Excel writer: what the import worker threads load.
export * from './table';
export * from './table-limits';
export * from './table-errors';
export * from './formula-guard';
export * from './cell-text';
export * from './decode-text';
export * from './csv-reader';
export * from './xlsx-reader';
export * from './find-header';
export * from './read-table';
