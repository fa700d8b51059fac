import type { ReactNode } from 'react';

interface EmptyStateProps {
  /** What this section will show once there is data. */
  title: string;
  children: ReactNode;
  /** How to start: short steps the user can follow now. */
  steps?: readonly ReactNode[];
  actions?: ReactNode;
}

/** The first thing a user sees in an empty section: what it is for and how to start. */
export function EmptyState({ title, children, steps, actions }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state__body">{children}</div>
      {steps && steps.length > 0 && (
        <>
          <h3>How to start</h3>
          <ol>
            {steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </section>
  );
}
