/// <reference lib="webworker" />
/**
 * Runs the audit off the UI thread: the worker opens the same IndexedDB database, reads the
 * snapshot, runs the rules and saves the merged findings in one transaction. Only a summary
 * crosses back, never the charge lines.
 */
import { TemDeskDatabase } from '../../db/database';
import { runAndSaveAudit } from '../../db/findings';
import type { AuditRequest, AuditResponse } from './audit-protocol';

// The renderer's tsconfig has the DOM lib, where `postMessage` is the window's; in a worker it
// takes only the message. Name the one signature we use.
const scope = self as unknown as { postMessage(message: AuditResponse): void };

const databases = new Map<string, TemDeskDatabase>();

self.onmessage = async (event: MessageEvent<AuditRequest>) => {
  const { databaseName, now } = event.data;
  try {
    let db = databases.get(databaseName);
    if (db === undefined) {
      db = new TemDeskDatabase(databaseName);
      databases.set(databaseName, db);
    }
    scope.postMessage({ type: 'done', summary: await runAndSaveAudit(db, now) });
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
