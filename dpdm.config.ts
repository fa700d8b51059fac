/**
 * `npm run lint:cycles` (and the `cycles` gate of `npm test`): no import cycles, type-only imports
 * included. A cycle means two modules cannot be understood, tested or moved apart; and a value
 * cycle can hand a module `undefined` while the other is still loading. Break one by moving the
 * shared types or constants to a leaf module that imports neither side (see README "Code
 * structure"), never by adding an exception here.
 */
import type { Config } from 'dpdm';

export default {
  files: [
    'shared/**/*.ts',
    'renderer/**/*.{ts,tsx}',
    'electron/**/*.ts',
    'test/**/*.{ts,tsx}',
    'scripts/**/*.{js,mjs,ts}',
    '*.config.{js,ts}',
  ],
  // Type-only imports count too: they tie modules together just the same.
  transform: false,
  tree: false,
  warning: false,
  progress: false,
  exitCode: 'circular:1',
} satisfies Config;
