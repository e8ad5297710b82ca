/**
 * Bounded-memory state over time, owned by one entity: {@link io.inflow.analytics.window.RollingCounters}
 * (rolling windows and report series), {@link io.inflow.analytics.window.CounterDeltas} (cumulative
 * counters to deltas, whatever the arrival order) and {@link io.inflow.analytics.window.UniqueAudience}
 * (distinct people, as a mergeable sketch). Each has an immutable snapshot and a restore.
 */
package io.inflow.analytics.window;
