import type { INestApplicationContext, Type } from '@nestjs/common';
import { offeredActivities } from './activity.decorator';

type ActivityFunction = (...args: unknown[]) => Promise<unknown>;

/**
 * The activities the given classes offer, bound to the instances `resolve` returns,
 * so each keeps its dependencies. Two classes offering one name would leave a
 * workflow calling whichever came last; that is refused here, naming both.
 */
export function bindActivities(types: Type<object>[], resolve: (type: Type<object>) => object): Record<string, ActivityFunction> {
  const activities: Record<string, ActivityFunction> = {};
  const offeredBy = new Map<string, Type<object>>();
  for (const type of types) {
    const names = offeredActivities(type);
    if (names.length === 0) throw new Error(`${type.name} is listed as an activity provider but marks no method with @Activity()`);
    const instance = resolve(type) as Record<string, unknown>;
    for (const name of names) {
      const first = offeredBy.get(name);
      if (first) throw new Error(`Activity ${name} is offered by both ${first.name} and ${type.name}`);
      const member = instance[name];
      if (typeof member !== 'function') throw new Error(`${type.name}.${name} is marked as an activity but is not a method`);
      offeredBy.set(name, type);
      activities[name] = (member as ActivityFunction).bind(instance);
    }
  }
  return activities;
}

/** Every activity the given providers offer, resolved from Nest. */
export function collectActivities(app: INestApplicationContext, providers: Type<object>[]): Record<string, ActivityFunction> {
  return bindActivities(providers, (type) => app.get(type));
}
