import { pathToFileURL } from 'node:url';
import { launchChromium } from './test/helpers/chromium.ts';
const c = await launchChromium();
const p = await c.browser.newPage();
await p.goto(pathToFileURL('test/artifacts/report.html').href);
const sel = process.argv.slice(2);
for (const [k, s] of sel.entries()) { const el = await p.$(s); await el?.screenshot({ path: `/tmp/h6-el-${k}.png` }); }
await c.close();
