/**
 * Marks a method of an activity injectable as a Temporal activity. Only marked
 * methods are registered with the worker, so helpers and private methods stay
 * out of the namespace every workflow shares.
 */
const OFFERED = new WeakMap<object, string[]>();

export function Activity(): MethodDecorator {
  return (prototype, name) => {
    if (typeof name !== 'string') throw new Error('An activity needs a string name');
    OFFERED.set(prototype, [...(OFFERED.get(prototype) ?? []), name]);
  };
}

/** The activity names a class offers, in declaration order; inherited ones included. */
export function offeredActivities(type: { prototype: object }): string[] {
  const names: string[] = [];
  for (
    let proto: object | null = type.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of OFFERED.get(proto) ?? []) if (!names.includes(name)) names.push(name);
  }
  return names;
}
