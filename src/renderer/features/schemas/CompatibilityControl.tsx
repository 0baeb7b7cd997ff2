import { CompatibilityLevel } from '../../../shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSetCompatibility } from './schema-queries';

const HELP: Record<string, string> = {
  BACKWARD: 'readers with the new schema can read data written with the previous one',
  BACKWARD_TRANSITIVE: 'readers with the new schema can read data written with every earlier one',
  FORWARD: 'readers with the previous schema can read data written with the new one',
  FORWARD_TRANSITIVE: 'readers with every earlier schema can read data written with the new one',
  FULL: 'both backward and forward with the previous schema',
  FULL_TRANSITIVE: 'both backward and forward with every earlier schema',
  NONE: 'no check: any change is accepted',
};

/** A subject's compatibility level: its own, or the global one it follows (changeable unless read-only). */
export function CompatibilityControl(props: { connectionId: string; subject: string; level: string | null; global: string | null; readOnly: boolean }) {
  const set = useSetCompatibility(props.connectionId);
  const effective = props.level ?? props.global;
  return (
    <div className="compat" data-testid="compatibility">
      <label className="field compat__field">
        <span>Compatibility</span>
        <select
          aria-label="Compatibility level"
          value={props.level ?? ''}
          disabled={props.readOnly || set.isPending}
          onChange={(e) => set.mutate({ subject: props.subject, level: e.target.value ? (e.target.value as CompatibilityLevel) : null })}
        >
          <option value="">Global ({props.global ?? 'unknown'})</option>
          {CompatibilityLevel.options.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {effective && <span className="text-muted compat__help">{HELP[effective] ?? ''}</span>}
      {props.global === 'NONE' && !props.level && (
        <span className="text-warn compat__help">The registry checks nothing by default (Apicurio's default is NONE; Confluent's is BACKWARD).</span>
      )}
      {set.error && <ErrorMessage error={set.error} title="Could not change the level" />}
    </div>
  );
}
