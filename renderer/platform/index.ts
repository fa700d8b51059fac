import { BRIDGE_GLOBAL, type TemDeskBridge } from '../../shared/ipc/contract';
import { browserPlatform } from './browser';
import { electronPlatform } from './electron';
import type { Platform } from './platform';

export type { Platform, PlatformBackups } from './platform';

function findBridge(): TemDeskBridge | undefined {
  const candidate: unknown = Reflect.get(window, BRIDGE_GLOBAL);
  if (candidate && typeof candidate === 'object' && 'openFiles' in candidate) {
    return candidate as TemDeskBridge;
  }
  return undefined;
}

let current: Platform | undefined;

/** Electron's bridge when the preload put one on `window`, else the browser fallbacks. */
export function platform(): Platform {
  if (!current) {
    const bridge = findBridge();
    current = bridge ? electronPlatform(bridge) : browserPlatform();
  }
  return current;
}
