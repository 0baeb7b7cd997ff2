import { HelpField as Field } from '../../components/HelpField';
import { parseAddressMap, type RouteFormState } from './route-form-state';

/** Advertised broker addresses → reachable ones, one mapping a line. */
export function AddressMapFields({ form: f, set }: { form: RouteFormState; set(patch: Partial<RouteFormState>): void }) {
  const { errors } = parseAddressMap(f.addressMap);
  return (
    <>
    <Field
      label="Broker address mapping"
      help="One a line: advertised → reachable. * matches any text, port * keeps the port, +n adds the number * matched (kafka-2 → 19090+2). Through SSH or a proxy, the right side is what the far side connects to."
    >
      <textarea rows={3} value={f.addressMap} onChange={(e) => set({ addressMap: e.target.value })} placeholder="*.internal:9092 → 127.0.0.1:19090+n" spellCheck={false} aria-invalid={errors.length > 0} />
    </Field>
    {errors.length > 0 && <span className="field__error" role="alert">{errors.join('; ')}</span>}
    </>
  );
}
