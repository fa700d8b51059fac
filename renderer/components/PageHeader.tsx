import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The section's heading. It takes focus when the section opens so keyboard and screen-reader users
 * land on the new content instead of staying in the navigation.
 */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) {
      heading.current?.focus();
    }
  }, [title]);
  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="page-header__actions">{children}</div>}
    </header>
  );
}
