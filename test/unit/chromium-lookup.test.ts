import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../helpers/chromium';

describe('finding a Chromium for the e2e tier', () => {
  it('prefers CHROME_PATH', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome' }, (path) => path === '/opt/chrome')).toBe(
      '/opt/chrome',
    );
  });

  it('falls back to the usual install places, Debian’s first', () => {
    expect(
      findChromium({}, (path) => path === '/usr/bin/google-chrome' || path === '/usr/bin/chromium'),
    ).toBe('/usr/bin/chromium');
  });

  it('fails with a sentence that says how to install one', () => {
    expect(() => findChromium({}, () => false)).toThrow(NO_CHROMIUM_MESSAGE);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt-get install -y chromium/);
    expect(() => findChromium({ CHROME_PATH: '/nope' }, () => false)).toThrow(
      /CHROME_PATH points to \/nope/,
    );
  });
});
