/** Native dialogs (the only way a path enters main from the user). Thin glue over Electron's dialog. */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import type { Dialogs } from '../ipc/handlers';
import { saveFilters } from './saveFilters';

export const DATA_FILE_FILTERS = [
  {
    name: 'Data files',
    extensions: ['csv', 'txt', 'tsv', 'xlsx', 'xls', 'parquet', 'arrow', 'json', 'geojson', 'zip'],
  },
  { name: 'All files', extensions: ['*'] },
];

export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseDataFiles() {
      const options = {
        title: 'Open data files',
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: DATA_FILE_FILTERS,
      };
      const owner = window();
      const result =
        owner === null
          ? await dialog.showOpenDialog(options)
          : await dialog.showOpenDialog(owner, options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSaveLocation(suggestedName) {
      const options = {
        title: 'Save export',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: saveFilters(suggestedName),
        properties: ['showOverwriteConfirmation', 'createDirectory'] as (
          'showOverwriteConfirmation' | 'createDirectory'
        )[],
      };
      const owner = window();
      const result =
        owner === null
          ? await dialog.showSaveDialog(options)
          : await dialog.showSaveDialog(owner, options);
      return result.canceled || result.filePath === undefined || result.filePath === ''
        ? null
        : result.filePath;
    },
    async chooseWorkspaceFolder() {
      const options = {
        title: 'Choose a workspace folder',
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const owner = window();
      const result =
        owner === null
          ? await dialog.showOpenDialog(options)
          : await dialog.showOpenDialog(owner, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
