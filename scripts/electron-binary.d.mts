/** Types for electron-binary.mjs (imported by test/electron). */
export declare const NOT_INSTALLED_MESSAGE: string;

export type ElectronBinary = { found: true; path: string } | { found: false; message: string };

export interface FindElectronBinaryOptions {
  resolvePackageDir?: () => string;
  env?: Record<string, string | undefined>;
  fileExists?: (path: string) => boolean;
  readText?: (path: string) => string;
}

export declare function findElectronBinary(options?: FindElectronBinaryOptions): ElectronBinary;
