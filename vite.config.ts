import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const packageJson: unknown = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
);
const version =
  packageJson && typeof packageJson === 'object' && 'version' in packageJson
    ? String(packageJson.version)
    : '0.0.0';

/**
 * The app's page asks for the app's code (`boot.tsx`'s chunk and every chunk it imports) from its
 * first HTML, as `<link rel="modulepreload">`: the entry imports it with `import()`, which the
 * browser reaches only once the entry's own modules have been fetched and run. Fetched and compiled
 * while the entry opens the database, the app is ready when the first data is.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'tem-desk:preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (
          !bundle ||
          (!context.path.endsWith('renderer/index.html') && context.path !== '/index.html')
        )
          return [];
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        );
        const boot = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/renderer/boot.tsx'));
        if (!boot) throw new Error('preloadAppChunk: the build has no chunk for renderer/boot.tsx');
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? [])
            add(imported);
        };
        add(boot.fileName);
        const from = posix.dirname(context.path);
        // Not those the page names already (the entry, and the chunks Vite preloads for it).
        return [...files]
          .filter((fileName) => !html.includes(fileName))
          .map((fileName): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: {
              rel: 'modulepreload',
              crossorigin: true,
              href: `./${posix.relative(from, `/${fileName}`)}`.replace(/^\.\/\.\.\//, '../'),
            },
            injectTo: 'head',
          }));
      },
    },
  };
}

/**
 * The renderer is a plain web app: the same build runs inside Electron (served from the app:// protocol)
 * and in any Chromium (`npm run web`, the e2e tests). `base: './'` keeps every asset URL relative.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadAppChunk()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', strictPort: true },
  server: { host: '127.0.0.1' },
});
