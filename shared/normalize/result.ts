/**
 * The failure value the normalisers return for input they cannot make sense of.
 */

/** Input that could not be understood as the kind of value asked for. */
export interface Invalid {
  readonly error: 'invalid';
}

/** The one shared {@link Invalid} value: failures are common enough not to allocate each time. */
export const INVALID: Invalid = Object.freeze({ error: 'invalid' });

/** True when a normaliser's result is the {@link Invalid} failure. */
export function isInvalid<T extends object>(result: T | Invalid): result is Invalid {
  return 'error' in result;
}
