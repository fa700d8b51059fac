import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { LATEST_SCHEMA_VERSION } from '../../db/schema';
import { platform } from '../../platform';

export function AboutPanel() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform().appInfo().then(setInfo);
  }, []);

  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>Running as</dt>
        <dd>
          {info?.platform === 'browser'
            ? 'Browser app (data lives in this browser profile)'
            : `Desktop app on ${info?.platform ?? '…'}`}
        </dd>
        <dt>Database schema</dt>
        <dd>version {LATEST_SCHEMA_VERSION}</dd>
      </dl>
    </section>
  );
}
