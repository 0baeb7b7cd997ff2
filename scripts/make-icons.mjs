// Renders assets/icon.svg to the PNGs electron-builder needs (it derives .ico/.icns from
// the 1024 px PNG). Uses Debian's Chromium through Playwright; run after editing the SVG.
import { chromium } from '@playwright/test';
import { readFile, mkdir } from 'node:fs/promises';

const svg = await readFile('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await mkdir('assets/icons', { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.screenshot({ path: `assets/icons/${size}x${size}.png`, omitBackground: true });
}
await page.screenshot({ path: 'assets/icon.png', omitBackground: true });
await browser.close();
console.log('icons written to assets/icons and assets/icon.png');
