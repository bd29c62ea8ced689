package dev.gatehouse.engine;

import dev.gatehouse.model.Role;
import java.util.List;

/**
 * How an effective permission was reached: the levels visited, in order. The last step decided and
 * {@code permission} is its role; an unknown resource has no steps and no permission.
 */
public record Explanation(Role permission, List<Step> steps) {
    public Explanation {
        steps = List.copyOf(steps);
    }
}
