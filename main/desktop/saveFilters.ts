/** Save-dialog filters from the suggested name's extension, so the dialog keeps the file type. */
const KNOWN: Readonly<Record<string, string>> = {
  csv: 'CSV table',
  xlsx: 'Excel workbook',
  docx: 'Word document',
  svg: 'SVG image',
  png: 'PNG image',
  zip: 'Zip archive',
  json: 'JSON',
  parquet: 'Parquet table',
  txt: 'Text',
};

export function saveFilters(suggestedName: string): { name: string; extensions: string[] }[] {
  const dot = suggestedName.lastIndexOf('.');
  const extension = dot > 0 ? suggestedName.slice(dot + 1).toLowerCase() : '';
  const label = KNOWN[extension];
  const all = { name: 'All files', extensions: ['*'] };
  return label === undefined ? [all] : [{ name: label, extensions: [extension] }, all];
}
