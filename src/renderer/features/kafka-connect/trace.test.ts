import { describe, expect, it } from 'vitest';
import { readableTrace } from './trace';

const trace = `org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file '/missing/out.txt' for FileStreamSinkTask
\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(FileStreamSinkTask.java:74)
\tat org.apache.kafka.connect.runtime.WorkerSinkTask.initializeAndStart(WorkerSinkTask.java:329)
Caused by: java.nio.file.NoSuchFileException: /missing/out.txt
\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)
\t... 12 more
`;

describe('readableTrace', () => {
  it('puts the innermost cause first, without package names, and keeps the outer message and the full text', () => {
    const r = readableTrace(trace);
    expect(r.cause).toBe('NoSuchFileException: /missing/out.txt');
    expect(r.summary).toBe("ConnectException: Couldn't find or create file '/missing/out.txt' for FileStreamSinkTask");
    expect(r.at).toBe('java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)');
    expect(r.full).toBe(trace);
  });

  it('reads a trace without causes, and text that is no trace at all', () => {
    expect(readableTrace('java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)')).toMatchObject({ cause: 'IllegalStateException: boom', summary: null, at: 'a.B.c(B.java:1)' });
    expect(readableTrace('Tasks are failing')).toMatchObject({ cause: 'Tasks are failing', summary: null, at: null });
  });
});
