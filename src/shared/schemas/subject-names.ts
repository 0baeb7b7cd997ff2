/**
 * Confluent's subject name strategies: which registry subject a topic's keys or values are
 * encoded with. TopicName (the default) is `<topic>-key` / `<topic>-value`; RecordName is the
 * record's (or Protobuf message's) full name, whatever the topic; TopicRecordName is
 * `<topic>-<full name>`, so one topic can carry several types.
 */
export type SubjectStrategy = 'TopicName' | 'RecordName' | 'TopicRecordName';

export type PayloadRole = 'key' | 'value';

/** The subject a strategy names for a topic's key or value (RecordName strategies need the record's full name). */
export function subjectName(strategy: SubjectStrategy, topic: string, role: PayloadRole, recordName?: string): string {
  switch (strategy) {
    case 'TopicName':
      return `${topic}-${role}`;
    case 'RecordName':
      if (!recordName) throw new Error('the RecordName strategy needs the record’s full name');
      return recordName;
    case 'TopicRecordName':
      if (!recordName) throw new Error('the TopicRecordName strategy needs the record’s full name');
      return `${topic}-${recordName}`;
  }
}

/** Subjects that belong to a topic by name: TopicName (`<topic>-key`, `<topic>-value`) and TopicRecordName (`<topic>-…`). */
export function subjectsOfTopic(subjects: readonly string[], topic: string): string[] {
  return subjects.filter((s) => s.startsWith(`${topic}-`) && s.length > topic.length + 1).sort();
}

/** The strategy a subject's name follows for this topic and role. */
export function strategyOf(subject: string, topic: string, role: PayloadRole): SubjectStrategy {
  if (subject === `${topic}-${role}`) return 'TopicName';
  if (topic && subject.startsWith(`${topic}-`) && subject !== `${topic}-key` && subject !== `${topic}-value`) return 'TopicRecordName';
  return 'RecordName';
}

/**
 * Subjects to offer for a topic's key or value, by strategy: the TopicName one if it exists, the
 * topic's TopicRecordName ones, then every other subject (RecordName: any record, any topic).
 */
export function subjectChoices(subjects: readonly string[], topic: string, role: PayloadRole): Record<SubjectStrategy, string[]> {
  const sorted = [...subjects].sort();
  return {
    TopicName: sorted.filter((s) => s === `${topic}-${role}`),
    TopicRecordName: sorted.filter((s) => strategyOf(s, topic, role) === 'TopicRecordName'),
    RecordName: sorted.filter((s) => strategyOf(s, topic, role) === 'RecordName' && s !== `${topic}-key` && s !== `${topic}-value`),
  };
}

/** The subject a topic's key or value defaults to: its TopicName subject when the registry has it. */
export function defaultSubject(subjects: readonly string[], topic: string, role: PayloadRole): string | null {
  return subjects.includes(`${topic}-${role}`) ? `${topic}-${role}` : null;
}
