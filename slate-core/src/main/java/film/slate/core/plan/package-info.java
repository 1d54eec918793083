/**
 * The planner behind {@code slate plan}: coverage idioms for a scene ({@link
 * film.slate.core.plan.Coverage}), cameras placed for each by sampling the floor plan against the
 * same geometry the framing and grammar rules measure ({@link film.slate.core.plan.CameraSolver}),
 * and the shots file written back ({@link film.slate.core.plan.ShotsText}).
 */
package film.slate.core.plan;
