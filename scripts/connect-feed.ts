/**
 * The demo's growing log file for its FileStream source: `node --import tsx scripts/connect-feed.ts <dir>`
 * appends a line every 2 s until stopped (kafka:down stops it with the cluster's other helpers).
 */
import { feedDemoFile } from './seed-connect';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: connect-feed.ts <dir>');
  process.exit(2);
}
feedDemoFile(dir);
