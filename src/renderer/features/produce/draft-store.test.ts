import { describe, expect, it } from 'vitest';
import { emptyForm, initialForm, useProduceDrafts } from './draft-store';

describe('the Produce form kept while the user is elsewhere', () => {
  it('comes back for the same topic, and from the sidebar as it was last left', () => {
    const save = useProduceDrafts.getState().save;
    const orders = { ...emptyForm(), count: '25', draft: { ...emptyForm().draft, key: { format: 'text' as const, text: 'order-42' } } };
    save('c1', 'orders', orders);
    save('c1', 'payments', emptyForm());
    expect(initialForm('c1', 'orders')).toEqual({ topic: 'orders', form: orders });
    expect(initialForm('c1', undefined).topic).toBe('payments');
    expect(initialForm('c2', undefined)).toEqual({ topic: '', form: emptyForm() });
    expect(initialForm('c1', 'other').form).toEqual(emptyForm());
  });

  it('forgets the oldest forms past a hundred', () => {
    const save = useProduceDrafts.getState().save;
    for (let i = 0; i < 150; i++) save('c3', `t${i}`, emptyForm());
    expect(Object.keys(useProduceDrafts.getState().forms).length).toBeLessThanOrEqual(100);
    expect(initialForm('c3', undefined).topic).toBe('t149');
  });
});
