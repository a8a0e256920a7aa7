import { checkImportFile, formatFileSize, RISK_IMPORT_MAX_BYTES } from './import-file';

describe('checkImportFile', () => {
  it('accepts .xlsx and .csv files up to 2 MB, whatever the case of the name', () => {
    expect(checkImportFile({ name: 'register.xlsx', size: 1000 })).toBeNull();
    expect(checkImportFile({ name: 'REGISTER.CSV', size: RISK_IMPORT_MAX_BYTES })).toBeNull();
  });

  it('explains what is wrong with anything else', () => {
    expect(checkImportFile(null)).toBe('Choose an Excel (.xlsx) or CSV (.csv) file');
    expect(checkImportFile({ name: 'register.xls', size: 10 })).toContain('.xlsx (not the older .xls)');
    expect(checkImportFile({ name: 'register.docx', size: 10 })).toBe('The file must be an Excel (.xlsx) or CSV (.csv) file');
    expect(checkImportFile({ name: 'register.csv', size: 0 })).toBe('The file is empty');
    expect(checkImportFile({ name: 'register.csv', size: RISK_IMPORT_MAX_BYTES + 1 })).toBe('The file must be 2 MB or smaller');
  });

  it('writes sizes for people', () => {
    expect(formatFileSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatFileSize(340 * 1024)).toBe('340 KB');
  });
});
