export * from './table-reader';
export * from './write-table';
