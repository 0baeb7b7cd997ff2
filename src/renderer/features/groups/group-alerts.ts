import type { ApiClient } from '../../api/client';
import type { GroupAlert } from '../../../shared/api';

/**
 * A watched group's alert as a desktop notification in browser mode: the Web Notifications API,
 * shown with the user's permission. Electron's main shows it itself (its window is granted no
 * permission). Without permission nothing is shown (the group page says so where the threshold is set).
 */
export function showGroupAlert(alert: GroupAlert, mode: ApiClient['mode']): void {
  if (mode === 'electron' || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  new Notification('Kafka Explorer · consumer group', { body: alert.message, tag: `${alert.connectionId}:${alert.groupId}` });
}

/** Whether alerts can be shown: Electron always (from main); a browser once the user allowed it. */
export function notificationPermission(mode: ApiClient['mode']): NotificationPermission | 'unsupported' {
  if (mode === 'electron') return 'granted';
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}
