import { describe, expect, it } from 'vitest';
import {
  absolutePathProblem,
  baseName,
  fileNameProblem,
  relativePathProblem,
  toPortableFileName,
} from './paths';

describe('fileNameProblem', () => {
  it.each(['data.csv', 'Fingertips export (2024).xlsx', 'a b.c', 'ünïcode.csv', '.hidden'])(
    'accepts %j',
    (name) => {
      expect(fileNameProblem(name)).toBeNull();
    },
  );
  it.each([
    ['', 'empty'],
    ['.', 'directory reference'],
    ['..', 'directory reference'],
    ['a/b.csv', 'separator'],
    ['a\\b.csv', 'separator'],
    ['C:evil', 'separator'],
    ['file.csv:stream', 'separator'],
    ['nul\u0000byte', 'control'],
    ['line\nbreak', 'control'],
    ['trailing.', 'ends with'],
    ['trailing ', 'ends with'],
    ['CON', 'reserves'],
    ['com1.txt', 'reserves'],
    ['x'.repeat(256), 'longer'],
  ])('rejects %j', (name, reason) => {
    expect(fileNameProblem(name)).toMatch(new RegExp(reason));
  });
});

describe('relativePathProblem', () => {
  it.each(['workspace.json', 'tables/observation.parquet', 'a/b/c/d.arrow'])(
    'accepts %j',
    (path) => {
      expect(relativePathProblem(path)).toBeNull();
    },
  );
  it.each([
    ['../outside.txt', 'climb'],
    ['tables/../../outside.txt', 'climb'],
    ['..', 'climb'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\win.ini', 'forward slashes'],
    ['tables\\..\\x', 'forward slashes'],
    ['C:/Windows/win.ini', 'segment'],
    ['a//b', 'segment that is empty'],
    ['a/./b', 'segment'],
    ['a/', 'segment that is empty'],
    ['', 'empty'],
    [Array.from({ length: 9 }, () => 'd').join('/'), 'deeper'],
  ])('rejects %j', (path, reason) => {
    expect(relativePathProblem(path)).toMatch(new RegExp(reason));
  });
});

describe('absolutePathProblem', () => {
  it.each([
    '/',
    '/home/analyst/JSNA',
    'C:\\',
    'C:\\Users\\analyst\\JSNA 2025',
    '\\\\fileserver\\share\\JSNA',
  ])('accepts %j', (path) => {
    expect(absolutePathProblem(path)).toBeNull();
  });
  it.each([
    ['relative/path', 'absolute'],
    ['./here', 'absolute'],
    ['~/JSNA', 'absolute'],
    ['/home/analyst/../root', '\\.\\.'],
    ['/home/./analyst', '\\.\\.'],
    ['/home//analyst', 'empty segment'],
    ['/home/analyst/', 'end with'],
    ['C:\\Users\\..\\Administrator', '\\.\\.'],
    ['C:\\Users/analyst', 'mixes'],
    ['C:relative', 'absolute'],
    ['/home/a\u0000b', 'NUL'],
    ['', 'empty'],
  ])('rejects %j', (path, reason) => {
    expect(absolutePathProblem(path)).toMatch(new RegExp(reason));
  });
});

describe('baseName and toPortableFileName', () => {
  it('takes the last segment of either separator', () => {
    expect(baseName('/home/a/JSNA')).toBe('JSNA');
    expect(baseName('C:\\Users\\a\\JSNA')).toBe('JSNA');
  });
  it('makes any file-system name acceptable to the contract', () => {
    for (const name of ['a:b.csv', 'trailing. ', 'CON', '..', 'tab\there', 'ok.csv']) {
      expect(fileNameProblem(toPortableFileName(name))).toBeNull();
    }
    expect(toPortableFileName('ok.csv')).toBe('ok.csv');
  });
});
