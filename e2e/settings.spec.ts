import { KAFKA_VERSION } from '../scripts/kafka/jars';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { ConnectScreen, openMessageFilters, readTable } from './support/pages';

// A zone far from UTC, so local and UTC times differ by hours and half an hour.
test.use({ timezoneId: 'Asia/Kolkata' });

/** The settings live in the one app server's settings.json: put them back so other specs see the defaults. */
async function resetSettings(page: Page) {
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  const settings = page.getByTestId('settings');
  if (!(await settings.isVisible().catch(() => false))) return;
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('System', { exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Time zone' }).getByText(/^Local/).click();
  await page.getByLabel('Date format').selectOption('seconds');
  await expect(page.getByRole('radiogroup', { name: 'Time zone' }).getByRole('radio', { name: /^Local/ })).toBeChecked();
}

/** "2026-12-02 08:33:05" (Kolkata) or "2026-12-02 03:03:05 UTC" as epoch ms. */
function instant(text: string): number {
  const utc = text.endsWith(' UTC');
  return Date.parse(`${text.replace(' UTC', '').replace(' ', 'T')}${utc ? 'Z' : '+05:30'}`);
}

test.describe('settings: one date format, time zone and theme for the whole app', () => {
  test.afterEach(async ({ page }) => {
    await resetSettings(page);
  });

  test('switching to UTC changes dates everywhere; the theme persists after a reload', async ({ connectedPage: page, sidebar, env }) => {
    // A message with a known time an hour ago (older ones fall to the topic's retention), whole seconds.
    const topic = `e2e-settings-${randomBytes(4).toString('hex')}`;
    const at = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
    // "2026-03-01 12:00:00" in UTC and, 5:30 ahead, in Kolkata.
    const wallClock = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
    const utcWall = wallClock(at);
    const kolkataWall = wallClock(at + 5.5 * 3_600_000);
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 1 }]);
    await (async () => {
      const { Kafka, logLevel } = await import('kafkajs');
      const producer = new Kafka({ brokers: [env.bootstrap], logLevel: logLevel.NOTHING }).producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'k', value: 'v', timestamp: String(at) }] });
      await producer.disconnect();
    })();

    // Local (the browser's zone) by default.
    await page.goto(`${env.appUrl.split('#')[0]}#/topics/${topic}/messages`);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '1');
    expect((await readTable(page, 'Messages'))[0]!.Timestamp).toBe(kolkataWall);
    await sidebar.open('Overview');
    const updated = page.getByTestId('auto-refresh-overview').locator('.auto-refresh__updated');
    await expect(updated).toHaveText(/^updated \d\d:\d\d:\d\d$/);

    // UTC in Settings, with milliseconds.
    await sidebar.open('Settings');
    await page.getByRole('radiogroup', { name: 'Time zone' }).getByText('UTC', { exact: true }).click();
    await page.getByLabel('Date format').selectOption('millis');
    await expect(page.getByTestId('date-example')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC$/);

    // The message time, the overview's clock and the date inputs all follow.
    await page.goto(`${env.appUrl.split('#')[0]}#/topics/${topic}/messages`);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '1');
    const utcText = (await readTable(page, 'Messages'))[0]!.Timestamp!;
    expect(utcText).toBe(`${utcWall}.000 UTC`);
    expect(instant(utcText.replace('.000', ''))).toBe(instant(kolkataWall));
    await page.getByLabel('Start position').selectOption('timestamp');
    await expect(page.getByText('At or after (UTC)')).toBeVisible();
    await openMessageFilters(page);
    await expect(page.getByText('From time (UTC)')).toBeVisible();
    // A time typed in UTC reads from that instant: the message's own second includes it, the next does not.
    await page.getByLabel('Start time').fill(wallClock(at + 1000));
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '0');
    await page.getByLabel('Start time').fill(utcWall);
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '1');
    await sidebar.open('Overview');
    await expect(updated).toHaveText(/^updated \d\d:\d\d:\d\d UTC$/);

    // Theme: Light, kept after a reload (it is stored by main), and the editors follow it.
    await sidebar.open('Settings');
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Light', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const background = () => page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(246, 248, 250)');
    await page.reload();
    await new ConnectScreen(page).open(page.url());
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await new ConnectScreen(page).connect(env.bootstrap);
    await page.goto(`${env.appUrl.split('#')[0]}#/produce/${topic}`);
    await expect(page.locator('.cm-theme-light').first()).toBeVisible();
    await expect(page.locator('.cm-theme-dark')).toHaveCount(0);
    await sidebar.open('Settings');
    await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Light' })).toBeChecked();
    await expect(page.getByRole('radiogroup', { name: 'Time zone' }).getByRole('radio', { name: 'UTC' })).toBeChecked();
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe('rgb(15, 20, 25)');
  });

  test('the overview shows the Kafka release and features, health, lagging groups, disk and throughput', async ({ connectedPage: page, env }) => {
    const topic = `e2e-throughput-${randomBytes(4).toString('hex')}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 2 }]);
    const kafka = page.getByTestId('overview-kafka');
    // The release the e2e broker runs (KAFKA_VERSION, default in scripts/kafka/jars.ts), as major.minor.
    const release = KAFKA_VERSION.split('.').slice(0, 2).join('.');
    await expect(kafka.getByTestId('kafka-release')).toHaveText(`Kafka ${release}`);
    await expect(kafka.locator('[data-feature="metadata.version"]')).toContainText(`${release}-IV`);
    await expect(kafka.locator('[data-feature="kraft.version"]')).toBeVisible();

    const health = page.getByTestId('overview-health');
    await expect(health).toContainText('The broker answers');
    await expect(health).toContainText('No offline partitions');
    await expect(health).toContainText('Every partition fully replicated');

    // The seeded analytics-pipeline group lags: its total matches the groups list.
    const lagging = page.getByTestId('overview-lagging').locator('[data-group="analytics-pipeline"]');
    await expect(lagging).toBeVisible();
    const truth = await withAdmin(env.bootstrap, async (admin) => {
      const [committed] = await admin.fetchOffsets({ groupId: 'analytics-pipeline', topics: ['delivery_locations'] });
      const ends = await admin.fetchTopicOffsets('delivery_locations');
      return committed!.partitions.reduce((sum, p) => sum + Number(ends.find((e) => e.partition === p.partition)!.high) - Number(p.offset), 0);
    });
    // The demo traffic may add to delivery_locations while we look: at least the lag when asked.
    expect(Number((await lagging.locator('td.num').innerText()).replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(Math.min(truth, 1));

    const disk = page.getByTestId('overview-disk').locator('[data-broker]').first();
    await expect(disk).toContainText(/\d+(\.\d+)? (B|KiB|MiB|GiB)/);
    await expect(disk).toContainText(/free of/);

    // Throughput from offset deltas: 400 messages between two samples show on that topic.
    const throughput = page.getByTestId('overview-throughput');
    await expect(throughput.getByTestId('throughput-total')).toBeVisible();
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic], { input: Array.from({ length: 400 }, (_, i) => `m${i}`).join('\n') });
    // A refresh already under way when kcat wrote is joined, not repeated: refresh until a sample sees the writes.
    await expect(async () => {
      await page.getByTestId('auto-refresh-overview').getByRole('button', { name: 'Refresh' }).click();
      await expect(throughput.locator(`[data-topic="${topic}"]`)).toContainText('msg/s', { timeout: 4_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('stat-Messages/s')).not.toHaveText(/…/);
  });
});
