// Lint for CivicDesk's browser code (the console, the citizens' portal and the shared /web/ modules)
// and for the Node tests beside it. Each bundle with pages runs it in its Maven build (see its pom).
import js from '@eslint/js';
import globals from 'globals';
import {importX, createNodeResolver} from 'eslint-plugin-import-x';
import {fileURLToPath} from 'node:url';

const PAGES = 'bundles/*/src/main/resources/**/*.js';
const SHELLS = ['bundles/*/src/main/resources/*/js/app.js'];
const SHARED = 'bundles/org.civicdesk.web/src/main/resources/web';

export default [
  {ignores: ['**/node_modules/**', '**/target/**']},
  js.configs.recommended,
  importX.flatConfigs.recommended,
  {
    settings: {
      // The pages import the shared modules by their URL (/web/dom.js); the server serves them from this
      // bundle's resources, so the cycle and import checks follow them there.
      'import-x/resolver-next': [createNodeResolver({roots: [fileURLToPath(new URL(`${SHARED}/..`, import.meta.url))]})],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-mutable-exports': 'error',
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: [PAGES],
    languageOptions: {ecmaVersion: 2022, sourceType: 'module', globals: globals.browser},
    rules: {
      // A browser loads exactly the URL it is given: no extension guessing.
      'import-x/extensions': ['error', 'always'],
      // One direction (STYLE.md): the shell imports screens and helpers, nothing imports the shell;
      // the shared /web/ modules never import a page's own modules.
      'import-x/no-restricted-paths': ['error', {zones: [
        {target: PAGES, from: SHELLS, message: 'Only the browser loads the app shell: move what you need to a helper module.'},
        {target: `${SHARED}/**`, from: 'bundles/!(org.civicdesk.web)/**',
          message: 'The shared /web/ modules serve every page and import none of them.'},
      ]}],
    },
  },
  {
    files: ['bundles/*/src/test/js/**/*.{js,mjs}'],
    languageOptions: {ecmaVersion: 2022, sourceType: 'module', globals: globals.node},
  },
];
