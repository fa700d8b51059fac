import type { AuditRunSummary } from '../../db/findings';

/** Asks the audit worker to run every rule over the named database and save the findings. */
export interface AuditRequest {
  databaseName: string;
  /** ISO 8601 timestamp in UTC: when the run happens (the audit's "today" is its date). */
  now: string;
}

export type AuditResponse =
  { type: 'done'; summary: AuditRunSummary } | { type: 'failed'; message: string };
