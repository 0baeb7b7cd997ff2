import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Highlight } from '../../components/DataTable';
import { FilterInput } from '../../components/FilterInput';
import { href } from '../../app/router';

const ROW_PX = 30;

/** Every subject, filtered as you type and virtualized: registries with thousands of subjects stay quick. */
export function SubjectList({ subjects, deleted, selected }: { subjects: string[]; deleted: string[]; selected: string | undefined }) {
  const [filter, setFilter] = useState('');
  const [showDeleted, setShowDeleted] = useState(false);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = showDeleted ? [...subjects.map((s) => ({ s, deleted: false })), ...deleted.map((s) => ({ s, deleted: true }))] : subjects.map((s) => ({ s, deleted: false }));
    return needle ? all.filter((r) => r.s.toLowerCase().includes(needle)) : all;
  }, [subjects, deleted, filter, showDeleted]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 12 });

  return (
    <nav className="subject-list" aria-label="Subjects">
      <FilterInput
        label="Filter subjects"
        value={filter}
        onChange={setFilter}
        placeholder={`Filter ${subjects.length.toLocaleString()} subject${subjects.length === 1 ? '' : 's'}…`}
        shown={rows.length}
        total={subjects.length + (showDeleted ? deleted.length : 0)}
      />
      {deleted.length > 0 && (
        <label className="checkbox subject-list__deleted">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          <span>Show {deleted.length} soft-deleted</span>
        </label>
      )}
      <div className="subject-list__scroll" ref={scroller} data-testid="subject-list">
        {rows.length === 0 && <p className="text-muted subject-list__empty">{subjects.length === 0 ? 'The registry holds no subjects yet.' : 'No subject matches.'}</p>}
        <ul role="list" style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <li key={row.s + (row.deleted ? '#d' : '')} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}>
                <a href={href(['schemas', row.s])} className={`subject-list__item${row.s === selected ? ' selected' : ''}${row.deleted ? ' deleted' : ''}`} aria-current={row.s === selected ? 'page' : undefined} title={row.s}>
                  {/* One flex item: the marked pieces stay one word (and one accessible name). */}
                  <span className="subject-list__name">
                    <Highlight text={row.s} query={filter.trim()} />
                  </span>
                  {row.deleted && <span className="badge">deleted</span>}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
