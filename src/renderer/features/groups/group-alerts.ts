import type { GroupAlert } from '../../../shared/api';

/**
 * A watched group's alert as a desktop notification: the Web Notifications API, which Electron's
 * renderer maps to the OS notification centre and browsers show with the user's permission.
 * Without permission nothing is shown (the group page says so where the threshold is set).
 */
export function showGroupAlert(alert: GroupAlert): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification('Kafka Explorer · consumer group', { body: alert.message, tag: `${alert.connectionId}:${alert.groupId}` });
}
