import type { ReactNode } from 'react';
import { StaleMark } from '../features/health/StaleMark';

/** A page's title, subtitle and actions; while the cluster does not answer, the page is marked stale here (every page has one). */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <div className="page-header__heading">
          <h1 className="page-header__title">{title}</h1>
          <StaleMark />
        </div>
        {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="page-header__actions">{actions}</div>}
    </header>
  );
}
