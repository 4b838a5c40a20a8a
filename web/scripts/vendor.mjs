// Copies the build output of the page's graph library from node_modules into
// static/vendor/, with its licence and a note of the version, so the page
// embeds a reproducible, reviewable file and never loads code from a CDN.
//
//   npm ci --prefix web && npm run --prefix web vendor

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(web, 'static', 'vendor');
mkdirSync(out, { recursive: true });

const pkg = join(web, 'node_modules', 'cytoscape');
const { version, license } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
copyFileSync(join(pkg, 'dist', 'cytoscape.min.js'), join(out, 'cytoscape.min.js'));
copyFileSync(join(pkg, 'LICENSE'), join(out, 'cytoscape.LICENSE'));
writeFileSync(join(out, 'VERSIONS'),
  `# Vendored by \`npm run vendor\` (web/scripts/vendor.mjs); do not edit.\ncytoscape ${version} ${license} dist/cytoscape.min.js\n`);
console.log(`vendored cytoscape ${version} into ${out}`);
