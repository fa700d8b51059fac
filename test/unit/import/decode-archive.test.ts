import { describe, it, expect } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { expandUpload, isZip } from '../../../shared/import/archive';
import { decodeBytes } from '../../../shared/import/decode';
import { fixtureBytes } from './fixtures';

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['plain ASCII', strToU8('a,b'), 'utf-8', 'a,b'],
    ['UTF-8 with BOM (BOM stripped)', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8-bom', 'a'],
    ['UTF-8 é', new Uint8Array([0x4d, 0xc3, 0xa9]), 'utf-8', 'Mé'],
    ['Windows-1252 é (0xE9)', new Uint8Array([0x4d, 0xe9]), 'windows-1252', 'Mé'],
    ['Windows-1252 € and curly quotes', new Uint8Array([0x80, 0x93, 0x94]), 'windows-1252', '€“”'],
    ['truncated UTF-8 falls back to 1252', new Uint8Array([0x61, 0xc3]), 'windows-1252', 'aÃ'],
  ])('%s', (_name, bytes, encoding, text) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(text);
  });

  it('reads the Windows-1252 fixture (Montréal as 0xE9)', () => {
    const decoded = decodeBytes(fixtureBytes('temdesk-pipe-1252.txt'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('Montréal');
    expect(decoded.text).toContain("Ligne d'accès");
  });

  it.each<[string, string, string]>([
    ['CRLF rows with LF rows appended', 'a,b\r\n1,2\r\n3,4\n5,6\n', 'a,b\n1,2\n3,4\n5,6\n'],
    ['CRLF rows, LF inside a quoted cell', 'a,b\r\n"x\ny",2\r\n', 'a,b\n"x\ny",2\n'],
    ['CRLF throughout (as it is)', 'a,b\r\n1,2\r\n', 'a,b\r\n1,2\r\n'],
    ['LF with a stray CR in a cell (as it is)', 'a,b\n1\r,2\n', 'a,b\n1\r,2\n'],
    ['lone CRs throughout (as it is)', 'a,b\r1,2\r', 'a,b\r1,2\r'],
  ])('gives %s one kind of line break', (_name, text, expected) => {
    for (const bytes of [strToU8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(text)])])
      expect(decodeBytes(bytes).text).toBe(expected);
  });

  it('counts U+FFFD already in the text, without changing it', () => {
    const decoded = decodeBytes(fixtureBytes('replacement-chars.csv'));
    expect(decoded.replacementChars).toBe(1);
    expect(decoded.text).toContain('Fran\uFFFDais');
  });
});

describe('expandUpload', () => {
  const zip = zipSync({
    'Raw Data/': new Uint8Array(0),
    'Raw Data/AccountSummary.txt': strToU8('x'),
    '__MACOSX/Raw Data/._AccountSummary.txt': strToU8('junk'),
    'Raw Data/.DS_Store': strToU8('junk'),
    'Summary.txt': strToU8('y'),
  });

  it('recognises a ZIP by its signature, whatever its name', () => {
    expect(isZip(zip)).toBe(true);
    expect(isZip(strToU8('PK but not a zip'))).toBe(false);
  });

  it('names members after the archive and their base name, leaving out folders, __MACOSX and dotfiles', () => {
    const result = expandUpload({ name: 'bill.csv', bytes: zip });
    expect(result.ok && result.value.map((file) => file.name).sort()).toEqual([
      'bill.csv › AccountSummary.txt',
      'bill.csv › Summary.txt',
    ]);
  });

  it('names members of the same name in different folders by the end of their path that tells them apart', () => {
    const months = zipSync({
      '2026-09/AccountSummary.txt': strToU8('a'),
      '2026-10/AccountSummary.txt': strToU8('b'),
      '2026-10/Summary.txt': strToU8('c'),
    });
    const result = expandUpload({ name: 'download.zip', bytes: months });
    expect(result.ok && result.value.map((file) => file.name)).toEqual([
      'download.zip › 2026-09/AccountSummary.txt',
      'download.zip › 2026-10/AccountSummary.txt',
      'download.zip › Summary.txt',
    ]);
  });

  it('passes other files through', () => {
    const file = { name: 'a.csv', bytes: strToU8('a,b') };
    expect(expandUpload(file)).toEqual({ ok: true, value: [file] });
  });

  it('reports a damaged ZIP clearly', () => {
    const damaged = zip.slice(0, 40);
    const result = expandUpload({ name: 'verizon.zip', bytes: damaged });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]?.message).toMatch(
        /"verizon\.zip" looks like a ZIP archive but cannot be opened/,
      );
  });
});
