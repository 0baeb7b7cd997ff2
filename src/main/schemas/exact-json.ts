import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { NumberText } from './json-text';

/**
 * JSON as typed by a user, numbers kept exact: integers beyond 2^53 as BigInt, other numbers
 * that a double cannot hold exactly as NumberText (an Avro decimal needs every digit).
 */
export function parseExactJson(text: string): unknown {
  try {
    return parse(text, null, (digits: string) => {
      if (isSafeNumber(digits)) return Number(digits);
      return isInteger(digits) ? BigInt(digits) : new NumberText(digits);
    });
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
