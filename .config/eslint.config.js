// ESLint for the whole repository (run from the repository root: `npm run lint`).
// The layer rules below are ARCHITECTURE.md §2 as code: a wrong import fails CI.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const noNode = [
  { regex: '^node:', message: 'This layer must not use Node built-ins (ARCHITECTURE.md §2).' },
  { regex: `^(${nodeBuiltins.join('|')})$`, message: 'This layer must not use Node built-ins (ARCHITECTURE.md §2).' },
];
const noElectron = [{ regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import Electron.' }];
const noReact = [{ regex: '^react(-dom)?(/|$)', message: 'shared/ must not depend on React.' }];
const intoFolder = (folders, message) => ({ regex: `^(\\.\\./)+(${folders})(/|$)`, message });

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Untrusted text (titles, abstracts, notes, comments) reaches the DOM only as text or through the
// Markdown sanitizer (ARCHITECTURE.md §7); these are the ways around that, so the renderer may not use them.
const rawHtml = 'Raw HTML bypasses React\'s escaping and the Markdown sanitizer: render text, or Markdown through MarkdownPreview.';
const noRawHtml = [
  { selector: "JSXAttribute[name.name=/^(dangerouslySetInnerHTML|srcDoc)$/]", message: rawHtml },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: rawHtml },
  { selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML|srcdoc)$/]', message: rawHtml },
  { selector: 'AssignmentExpression > MemberExpression.left[computed=true][property.value=/^(innerHTML|outerHTML|srcdoc)$/]', message: rawHtml },
  { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|parseFromString)$/]', message: rawHtml },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: rawHtml },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'release/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(...noNode, ...noElectron, ...noReact, intoFolder('electron|renderer|test', 'shared/ imports only itself and pure npm libraries.')),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the React Compiler rules in the plugin's preset do not apply, as the
      // renderer is not compiled with the React Compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrict(...noNode, ...noElectron, intoFolder('electron|test', 'renderer/ reaches the main side only through shared/api and api/client.ts.')),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...noRawHtml] },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(...noElectron, intoFolder('renderer', 'electron/ must never import the renderer.')),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      { regex: '^\\.\\./(services|main|web|cli)(/|$)', message: 'The preload imports only electron and shared/api.' },
      { regex: '^(\\.\\./)+shared/(?!api/)', message: 'The preload imports only electron and shared/api.' },
      intoFolder('renderer', 'electron/ must never import the renderer.'),
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(intoFolder('renderer', 'electron/ must never import the renderer.')),
  },
  {
    files: ['electron/**/*.{js,mjs}', 'test/**/*.{ts,mjs}', 'renderer/vite.config.ts', '.config/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
