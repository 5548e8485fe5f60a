import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IpcResult, WorkbenchApi } from './contract';
import { IPC_LIMITS, ipcContract, parseResult, verbNames } from './contract';
import { IpcValidationError } from './schema';

const bytes = (n: number) => new Uint8Array(n);

describe('the contract', () => {
  it('gives every verb a distinct channel in the workbench: namespace', () => {
    const channels = verbNames.map((v) => ipcContract[v].channel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^workbench:[a-z-]+:[a-z-]+$/);
  });

  it('derives the window.workbench type from the schemas', () => {
    expectTypeOf<WorkbenchApi['openDataFiles']>().toEqualTypeOf<
      () => Promise<IpcResult<{ files: { name: string; bytes: Uint8Array }[] }>>
    >();
    expectTypeOf<Parameters<WorkbenchApi['readWorkspaceFile']>>().toEqualTypeOf<
      [request: { root: string; path: string }]
    >();
    expectTypeOf<Parameters<WorkbenchApi['saveExport']>[0]>().toEqualTypeOf<{
      suggestedName: string;
      mimeType: string;
      bytes: Uint8Array;
    }>();
  });
});

describe('request validation', () => {
  const save = ipcContract.saveExport.request;
  const read = ipcContract.readWorkspaceFile.request;
  const write = ipcContract.writeWorkspaceFile.request;

  it('accepts well-formed requests', () => {
    expect(
      save.parse({ suggestedName: 'figure.svg', mimeType: 'image/svg+xml', bytes: bytes(3) })
        .suggestedName,
    ).toBe('figure.svg');
    expect(read.parse({ root: '/home/a/JSNA', path: 'tables/area.parquet' }).path).toBe(
      'tables/area.parquet',
    );
    expect(read.parse({ root: 'C:\\Users\\a\\JSNA', path: 'workspace.json' }).root).toBe(
      'C:\\Users\\a\\JSNA',
    );
  });

  it.each([
    ['a string instead of an object', 'hello'],
    ['null', null],
    ['an array', []],
    ['a number for the name', { suggestedName: 42, mimeType: 'text/csv', bytes: bytes(1) }],
    ['a plain array for bytes', { suggestedName: 'a.csv', mimeType: 'text/csv', bytes: [1, 2, 3] }],
    [
      'an ArrayBuffer for bytes',
      { suggestedName: 'a.csv', mimeType: 'text/csv', bytes: new ArrayBuffer(3) },
    ],
    [
      'a Uint16Array for bytes',
      { suggestedName: 'a.csv', mimeType: 'text/csv', bytes: new Uint16Array(3) },
    ],
    ['a missing field', { suggestedName: 'a.csv', bytes: bytes(1) }],
    [
      'an extra field',
      { suggestedName: 'a.csv', mimeType: 'text/csv', bytes: bytes(1), path: '/etc/passwd' },
    ],
    [
      'a path as the suggested name',
      { suggestedName: '../../.bashrc', mimeType: 'text/csv', bytes: bytes(1) },
    ],
    [
      'an absolute suggested name',
      { suggestedName: '/etc/passwd', mimeType: 'text/csv', bytes: bytes(1) },
    ],
    [
      'a bogus MIME type',
      { suggestedName: 'a.csv', mimeType: 'text/csv\r\nX-Evil: 1', bytes: bytes(1) },
    ],
    [
      'a class instance',
      new (class Request {
        suggestedName = 'a.csv';
        mimeType = 'text/csv';
        bytes = bytes(1);
      })(),
    ],
  ])('rejects %s', (_label, value) => {
    expect(() => save.parse(value, 'request')).toThrow(IpcValidationError);
  });

  it('rejects oversize payloads, checked on byteLength', () => {
    const oversize = new Uint8Array(new ArrayBuffer(IPC_LIMITS.maxExportBytes + 1));
    expect(() =>
      save.parse(
        { suggestedName: 'a.zip', mimeType: 'application/zip', bytes: oversize },
        'request',
      ),
    ).toThrow(/over the limit/);
  });

  it.each([
    ['traversal in the file path', { root: '/home/a/JSNA', path: '../secrets.txt' }, /climb/],
    ['nested traversal', { root: '/home/a/JSNA', path: 'tables/../../x' }, /climb/],
    ['an absolute file path', { root: '/home/a/JSNA', path: '/etc/passwd' }, /absolute/],
    ['a non-absolute root', { root: 'JSNA', path: 'a.txt' }, /absolute/],
    ['traversal in the root', { root: '/home/a/JSNA/..', path: 'a.txt' }, /\.\./],
    ['a number root', { root: 7, path: 'a.txt' }, /string/],
  ])('rejects %s', (_label, value, message) => {
    expect(() => read.parse(value, 'request')).toThrow(message);
  });

  it('names the failing field', () => {
    expect(() => write.parse({ root: '/w', path: 'a.txt', bytes: 'not bytes' }, 'request')).toThrow(
      'request.bytes: expected bytes',
    );
  });

  it('takes nothing for argument-less verbs', () => {
    expect(ipcContract.openDataFiles.request.parse(undefined)).toBeUndefined();
    expect(() => ipcContract.openDataFiles.request.parse({ path: '/etc' })).toThrow(
      IpcValidationError,
    );
  });
});

describe('parseResult', () => {
  it('parses success and failure envelopes', () => {
    expect(parseResult('listRecentWorkspaces', { ok: true, value: { workspaces: [] } })).toEqual({
      ok: true,
      value: { workspaces: [] },
    });
    expect(
      parseResult('openDataFiles', { ok: false, error: { code: 'not-granted', message: 'no' } }),
    ).toEqual({
      ok: false,
      error: { code: 'not-granted', message: 'no' },
    });
  });
  it('rejects a value that does not fit the verb, or an unknown error code', () => {
    expect(() => parseResult('openDataFiles', { ok: true, value: { files: 'x' } })).toThrow(
      IpcValidationError,
    );
    expect(() =>
      parseResult('openDataFiles', { ok: false, error: { code: 'pwned', message: '' } }),
    ).toThrow(IpcValidationError);
    expect(() => parseResult('openDataFiles', undefined)).toThrow(IpcValidationError);
  });
});
