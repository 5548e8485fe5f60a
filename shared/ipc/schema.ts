/**
 * A deliberately tiny runtime schema kit for the IPC contract. Every value that crosses the
 * Electron boundary is `unknown` until one of these parses it: the preload checks requests
 * before sending and responses on arrival; main checks requests before it touches anything.
 *
 * Why not a library: the contract needs a dozen shapes, the checks must be exact (unknown keys
 * rejected, byte lengths bounded) and the preload bundle should stay small and auditable.
 */

/** Thrown by `Schema.parse`; `where` is a dotted path such as `request.bytes`. */
export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
  }
}

export interface Schema<T> {
  /** Returns the value typed as T, or throws IpcValidationError. Never coerces. */
  parse(value: unknown, where?: string): T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** Returns a problem description, or null when the string is acceptable. */
export type StringCheck = (value: string) => string | null;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isUint8Array(value)) return 'bytes';
  return typeof value;
}

/** Cross-realm safe: values arrive from the IPC deserialiser or the context bridge. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // A plain object from any realm: its prototype is null or a prototype whose own prototype is null.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function nothing(): Schema<undefined> {
  return {
    parse(value, where = 'value') {
      if (value !== undefined)
        throw new IpcValidationError(where, `expected nothing, got ${describe(value)}`);
      return undefined;
    },
  };
}

export function literal<L extends string | number | boolean>(expected: L): Schema<L> {
  return {
    parse(value, where = 'value') {
      if (value !== expected)
        throw new IpcValidationError(where, `expected ${JSON.stringify(expected)}`);
      return expected;
    },
  };
}

export function string(options: {
  minLength?: number;
  maxLength: number;
  check?: StringCheck;
}): Schema<string> {
  const minLength = options.minLength ?? 0;
  return {
    parse(value, where = 'value') {
      if (typeof value !== 'string')
        throw new IpcValidationError(where, `expected a string, got ${describe(value)}`);
      if (value.length < minLength)
        throw new IpcValidationError(where, `shorter than ${minLength} characters`);
      if (value.length > options.maxLength)
        throw new IpcValidationError(where, `longer than ${options.maxLength} characters`);
      const problem = options.check?.(value) ?? null;
      if (problem !== null) throw new IpcValidationError(where, problem);
      return value;
    },
  };
}

export function integer(options: { min: number; max: number }): Schema<number> {
  return {
    parse(value, where = 'value') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new IpcValidationError(where, `expected an integer, got ${describe(value)}`);
      }
      if (value < options.min || value > options.max) {
        throw new IpcValidationError(where, `must be between ${options.min} and ${options.max}`);
      }
      return value;
    },
  };
}

export function bytes(options: { maxBytes: number }): Schema<Uint8Array> {
  return {
    parse(value, where = 'value') {
      if (!isUint8Array(value))
        throw new IpcValidationError(where, `expected bytes (Uint8Array), got ${describe(value)}`);
      if (value.byteLength > options.maxBytes) {
        throw new IpcValidationError(
          where,
          `${value.byteLength} bytes is over the limit of ${options.maxBytes}`,
        );
      }
      return value;
    },
  };
}

export function array<T>(item: Schema<T>, options: { maxItems: number }): Schema<T[]> {
  return {
    parse(value, where = 'value') {
      if (!Array.isArray(value))
        throw new IpcValidationError(where, `expected an array, got ${describe(value)}`);
      if (value.length > options.maxItems)
        throw new IpcValidationError(where, `more than ${options.maxItems} items`);
      return value.map((element, index) => item.parse(element, `${where}[${index}]`));
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type ObjectOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** Exact object: every key in the shape is required, and unknown keys are rejected. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return {
    parse(value, where = 'value') {
      if (!isPlainObject(value))
        throw new IpcValidationError(where, `expected an object, got ${describe(value)}`);
      for (const key of Object.keys(value)) {
        if (!keys.includes(key))
          throw new IpcValidationError(`${where}.${key}`, 'is not an expected field');
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        out[key] = shape[key]!.parse(value[key], `${where}.${key}`);
      }
      return out as ObjectOf<S>;
    },
  };
}

/** The first alternative that parses wins; the error lists every alternative's complaint. */
export function oneOf<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  return {
    parse(value, where = 'value') {
      try {
        return a.parse(value, where);
      } catch (first) {
        try {
          return b.parse(value, where);
        } catch (second) {
          const reasons = [first, second].map((e) => (e instanceof Error ? e.message : String(e)));
          throw new IpcValidationError(where, `matches no allowed shape (${reasons.join('; ')})`);
        }
      }
    },
  };
}
