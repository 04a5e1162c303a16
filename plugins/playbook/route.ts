/**
 * The part of the core that runs in a reader's browser: the route to target levels, the time
 * it takes, and the calendar of its intakes. The plan builder's script imports this entry;
 * nothing it reaches imports Node or any package, so the browser computes exactly the route
 * the role pages show.
 */
export { calendar, type CalendarEvent } from './lib/calendar.ts';
export { type LevelOf, planRoute, type Route, type RouteInitiative, type RouteLayer, routeSequence, type RouteStep } from './lib/route.ts';
export { describeDays, durationDays, nextIntake, totalDuration } from './lib/time.ts';
