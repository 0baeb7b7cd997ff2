import { describe, expect, it } from 'vitest';
import { defaultSubject, strategyOf, subjectChoices, subjectName, subjectsOfTopic } from './subject-names';

describe('subject name strategies', () => {
  it('names the subject of each strategy', () => {
    expect(subjectName('TopicName', 'orders', 'value')).toBe('orders-value');
    expect(subjectName('TopicName', 'orders', 'key')).toBe('orders-key');
    expect(subjectName('RecordName', 'orders', 'value', 'demo.Order')).toBe('demo.Order');
    expect(subjectName('TopicRecordName', 'orders', 'value', 'demo.Order')).toBe('orders-demo.Order');
    expect(() => subjectName('RecordName', 'orders', 'value')).toThrow(/full name/);
  });

  it('tells the strategy from a subject and offers subjects grouped by it', () => {
    const all = ['orders-value', 'orders-key', 'orders-demo.Order', 'demo.Order', 'payments-value', 'orders2-value'];
    expect(strategyOf('orders-value', 'orders', 'value')).toBe('TopicName');
    expect(strategyOf('orders-demo.Order', 'orders', 'value')).toBe('TopicRecordName');
    expect(strategyOf('demo.Order', 'orders', 'value')).toBe('RecordName');
    expect(subjectsOfTopic(all, 'orders')).toEqual(['orders-demo.Order', 'orders-key', 'orders-value']);
    expect(subjectChoices(all, 'orders', 'value')).toEqual({ TopicName: ['orders-value'], TopicRecordName: ['orders-demo.Order'], RecordName: ['demo.Order', 'orders2-value', 'payments-value'] });
    expect(defaultSubject(all, 'orders', 'key')).toBe('orders-key');
    expect(defaultSubject(all, 'clicks', 'value')).toBeNull();
  });
});
