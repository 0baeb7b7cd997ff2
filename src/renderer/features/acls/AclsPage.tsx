import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { AclOperation, AclPatternType, AclResourceType, type AclBinding, type AclFilter } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { AutoRefresh } from '../../components/AutoRefresh';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { AclForm } from './AclForm';
import { useAcls, useCreateAcl, useDeleteAcls } from './acl-queries';
import './acls.css';

/** The broker's answer when it runs without an authorizer: not a failure, a fact about the cluster. */
export const isNoAuthorizer = (error: unknown) => AppError.is(error) && error.code === 'SECURITY_DISABLED';

/** Shown instead of the list and every write control on a cluster without an authorizer. */
function NoAuthorizer() {
  return (
    <div className="acl-disabled" role="status" data-testid="acls-disabled">
      <p className="acl-disabled__title">ACLs are not enabled on this cluster</p>
      <p>
        Its brokers run without an authorizer (<code>authorizer.class.name</code> is not set), so every client that can connect may do everything, and
        there are no ACLs to list, create or delete.
      </p>
      <p className="text-muted">
        To use ACLs, set <code>authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer</code> on every broker and controller
        (KRaft), and name the admin principals in <code>super.users</code> first, so they keep their access.
      </p>
    </div>
  );
}

const aclId = (a: AclBinding) => [a.principal, a.host, a.resourceType, a.resourceName, a.patternType, a.operation, a.permission].join('|');
const col = createColumnHelper<AclBinding>();

/** The cluster's ACLs: filter, create with an explained form, delete (hidden on read-only connections). */
export function AclsPage() {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const [filter, setFilter] = useState<AclFilter>({});
  const [creating, setCreating] = useState(false);
  const { refetchInterval } = useAutoRefresh('acls');
  const acls = useAcls(connectionId, filter, refetchInterval);
  const create = useCreateAcl(connectionId);
  const remove = useDeleteAcls(connectionId);
  const noAuthorizer = isNoAuthorizer(acls.error);
  const set = (patch: Partial<AclFilter>) =>
    setFilter((prev) => {
      const next: AclFilter = { ...prev, ...patch };
      for (const k of Object.keys(next) as (keyof AclFilter)[]) if (!next[k]) delete next[k];
      return next;
    });

  const columns = useMemo(
    () => [
      col.accessor('principal', { header: 'Principal', size: 180 }),
      col.accessor('resourceType', { header: 'Resource type', size: 160 }),
      col.accessor('resourceName', { header: 'Resource', size: 220, meta: { mono: true } }),
      col.accessor('patternType', { header: 'Pattern', size: 100 }),
      col.accessor('operation', { header: 'Operation', size: 140 }),
      col.accessor('permission', {
        header: 'Permission',
        size: 110,
        cell: (c) => <span className={`badge ${c.getValue() === 'ALLOW' ? 'good' : 'bad'}`}>{c.getValue()}</span>,
      }),
      col.accessor('host', { header: 'Host', size: 100, meta: { mono: true } }),
      ...(readOnly
        ? []
        : [
            col.display({
              id: 'actions',
              header: '',
              size: 90,
              cell: (c) => (
                <button
                  type="button"
                  className="button small danger"
                  aria-label={`Delete ACL ${c.row.original.permission} ${c.row.original.principal} ${c.row.original.operation} ${c.row.original.resourceName}`}
                  onClick={() => {
                    if (window.confirm(`Delete this ACL?\n${c.row.original.permission} ${c.row.original.principal} ${c.row.original.operation} on ${c.row.original.resourceType} ${c.row.original.resourceName}`)) {
                      remove.mutate([c.row.original]);
                    }
                  }}
                >
                  Delete
                </button>
              ),
            }),
          ]),
    ],
    [readOnly, remove],
  );

  return (
    <div className="page page--fill">
      <PageHeader
        title="ACLs"
        subtitle={noAuthorizer ? 'no authorizer' : acls.data ? `${acls.data.acls.length} ACL${acls.data.acls.length === 1 ? '' : 's'}${Object.keys(filter).length ? ' matching the filter' : ''}` : undefined}
        actions={
          noAuthorizer ? null : (
            <>
              <AutoRefresh viewId="acls" onRefresh={() => acls.refetch()} refreshing={acls.isFetching} updatedAt={acls.dataUpdatedAt} />
              {readOnly ? (
                <span className="badge warn" title="This connection is read-only: ACLs cannot be changed.">
                  read-only
                </span>
              ) : (
                <button type="button" className="button primary" onClick={() => setCreating(true)} disabled={creating}>
                  Create ACL
                </button>
              )}
            </>
          )
        }
      />
      {noAuthorizer && <NoAuthorizer />}
      {creating && !readOnly && !noAuthorizer && (
        <AclForm
          busy={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
          onSubmit={(acl) => create.mutate(acl, { onSuccess: () => setCreating(false) })}
        />
      )}
      {!noAuthorizer && (
        <div className="acl-filters" role="search" aria-label="Filter ACLs">
          <input aria-label="Principal contains" placeholder="Principal contains…" value={filter.principal ?? ''} onChange={(e) => set({ principal: e.target.value })} />
          <select aria-label="Resource type" value={filter.resourceType ?? ''} onChange={(e) => set({ resourceType: (e.target.value || undefined) as AclFilter['resourceType'] })}>
            <option value="">Any resource type</option>
            {AclResourceType.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          <input aria-label="Resource name contains" placeholder="Resource name contains…" value={filter.resourceName ?? ''} onChange={(e) => set({ resourceName: e.target.value })} />
          <select aria-label="Pattern type" value={filter.patternType ?? ''} onChange={(e) => set({ patternType: (e.target.value || undefined) as AclFilter['patternType'] })}>
            <option value="">Any pattern</option>
            {AclPatternType.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          <select aria-label="Operation" value={filter.operation ?? ''} onChange={(e) => set({ operation: (e.target.value || undefined) as AclFilter['operation'] })}>
            <option value="">Any operation</option>
            {AclOperation.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          <select aria-label="Permission" value={filter.permission ?? ''} onChange={(e) => set({ permission: (e.target.value || undefined) as AclFilter['permission'] })}>
            <option value="">Allow or deny</option>
            <option>ALLOW</option>
            <option>DENY</option>
          </select>
        </div>
      )}
      {acls.isLoading && <Loading />}
      {!noAuthorizer && <ErrorMessage error={acls.error} title="Could not list the ACLs" />}
      <ErrorMessage error={remove.error} title="Could not delete the ACL" />
      {acls.data && (
        <DataTable
          id="acls"
          ariaLabel="ACLs"
          data={acls.data.acls}
          columns={columns}
          getRowId={aclId}
          initialSorting={[{ id: 'resourceName', desc: false }]}
          emptyMessage={Object.keys(filter).length ? 'No ACL matches the filter.' : 'This cluster has no ACLs: only super users may act, unless allow.everyone.if.no.acl.found is set.'}
        />
      )}
    </div>
  );
}
