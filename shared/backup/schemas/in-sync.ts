/**
 * Keeps each record schema and its model type in step at compile time: a field added to, removed
 * from or retyped in `shared/model` (or a record type of the database) breaks the build until the
 * schema that checks backups follows.
 */
import type { z } from 'zod';

/** `true` when A and B are the same type to the compiler (it tells apart nested interfaces). */
type Identical<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type AllTrue<T> = false extends T[keyof T] ? false : true;

type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never]
  ? true
  : false;

/** Same field names at every depth (assignability alone lets a new optional field slip by). */
type SameFields<A, B> =
  Identical<A, B> extends true
    ? true
    : [A] extends [readonly (infer X)[]]
      ? [B] extends [readonly (infer Y)[]]
        ? SameFields<X, Y>
        : false
      : [A] extends [object]
        ? [B] extends [object]
          ? SameKeys<A, B> extends true
            ? AllTrue<{
                [K in keyof A & keyof B]-?: SameFields<NonNullable<A[K]>, NonNullable<B[K]>>;
              }>
            : false
          : false
        : true;

/** `true` when A and B are assignable to each other and have the same fields at every depth. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? SameFields<A, B> : false) : false;

/**
 * Compiles only when the schema's output is exactly `Model`: list one `Proof` per table in a
 * type, e.g. `Proof<typeof invoiceSchema, Invoice>`.
 */
export type Proof<S extends z.ZodType, Model> = SameType<z.output<S>, Model>;

/** Compiles only when every element is `true`, i.e. every listed proof holds. */
export type AllProven<T extends readonly true[]> = T;
