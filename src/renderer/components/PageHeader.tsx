import { useEffect, useRef, type ReactNode } from 'react';
import { takePageFocus } from '../app/page-focus';
import { useRoute } from '../app/router';
import { StaleMark } from '../features/health/StaleMark';

/** A page's title, subtitle and actions; while the cluster does not answer, the page is marked stale here (every page has one). */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A page component kept across routes (another topic's page) takes the request too.
  const route = useRoute();
  useEffect(() => {
    const h = heading.current;
    // Unless the page put focus somewhere itself (the reset panel a command opened).
    if (takePageFocus() && h && !h.closest('main')?.contains(document.activeElement)) h.focus();
  }, [route]);
  return (
    <header className="page-header">
      <div>
        <div className="page-header__heading">
          <h1 ref={heading} className="page-header__title" tabIndex={-1}>
            {title}
          </h1>
          <StaleMark />
        </div>
        {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
