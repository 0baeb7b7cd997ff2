import { AppError, ErrorCode, type AppErrorData } from '../../shared/errors';
import { redact } from '../log';
import { kafkaErrorData } from '../kafka/kafkajs/errors';

/**
 * Turns anything thrown in main into the error shape the renderer understands. Adapters
 * already throw AppError; anything else is a bug or an unexpected library error.
 */
export function toErrorData(error: unknown): AppErrorData {
  if (AppError.is(error)) return error.toData();
  if (error instanceof Error && error.name === 'AbortError') {
    return { name: 'CancelledError', code: ErrorCode.Cancelled, message: 'Cancelled', retriable: false };
  }
  // A kafkajs or socket error a service let through still reads as what it is (e.g. "Broker … refused the connection"), never UNKNOWN.
  if (error instanceof Error && (error.name.startsWith('KafkaJS') || typeof (error as NodeJS.ErrnoException).code === 'string')) {
    const data = kafkaErrorData(error);
    if (data.code !== ErrorCode.Unknown) return data;
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    name: error instanceof Error ? error.name : 'Error',
    code: ErrorCode.Unknown,
    message: redact(message) as string,
    retriable: false,
  };
}
