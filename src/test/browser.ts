// Headless Debian Chromium through playwright-core, with the flags that work on this machine class
// (no sandbox as root, no background networking on a closed network).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function browserSkipReason(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  const reason = `skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does this)`;
  process.stdout.write(`${reason}\n`);
  return reason;
}

/** `extraArgs`: more Chromium flags, e.g. `--disable-3d-apis` for a browser without WebGL. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs] });
}

/** Share of pixels in a PNG that differ clearly from its top-left pixel (the background). */
export function nonBackgroundShare(png: Buffer): number {
  const image = PNG.sync.read(png);
  const [r0, g0, b0] = [image.data[0]!, image.data[1]!, image.data[2]!];
  let differing = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const d = Math.abs(image.data[i]! - r0) + Math.abs(image.data[i + 1]! - g0) + Math.abs(image.data[i + 2]! - b0);
    if (d > 60) differing++;
  }
  return differing / (image.width * image.height);
}
