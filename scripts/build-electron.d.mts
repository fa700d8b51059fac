/** Types for build-electron.mjs (imported by test/electron). */
export declare const PROJECT_ROOT: string;

export interface BuildElectronOptions {
  projectRoot?: string;
  outDir?: string;
  minify?: boolean;
}

export declare function buildElectron(
  options?: BuildElectronOptions,
): Promise<{ mainFile: string; preloadFile: string }>;
