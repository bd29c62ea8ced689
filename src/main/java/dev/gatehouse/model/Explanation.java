package dev.gatehouse.model;

import java.time.Instant;
import java.util.List;

/**
 * How an effective permission was reached: the levels visited, in order. The last step decided and
 * {@code permission} is its role; an unknown resource has no steps and no permission.
 */
public record Explanation(Role permission, List<Step> steps) {
    public Explanation {
        steps = List.copyOf(steps);
    }

    /**
     * One level visited while resolving a permission.
     *
     * <ul>
     *   <li>{@code level}: {@code page}, {@code space}, {@code site-level} (the sites publishing a space),
     *       {@code collection}, {@code site} or {@code organization};</li>
     *   <li>{@code id}: the object of that level. For {@code site-level} it is the site whose grant decided
     *       (the lowest site id on a tie), or, for {@code site-none}, the space whose site level had nothing
     *       to say;</li>
     *   <li>{@code rule}: {@code not-member}, {@code disabled}, {@code admin}, {@code deleted},
     *       {@code user-grant}, {@code team-grant}, {@code default}, {@code default-none}, {@code inherit},
     *       {@code site-user-grant}, {@code site-team-grant}, {@code site-none}, {@code organization-role}
     *       or {@code guest} (a guest meeting a default role, or the organization level: none);</li>
     *   <li>{@code role}: what the step decided ({@code null} is none, or nothing decided yet);</li>
     *   <li>{@code teamId}: for a team rule, the team whose grant decided (the highest role, lowest id on a
     *       tie; when every grant is {@code null}, the lowest team id), else {@code null};</li>
     *   <li>{@code expiresAt}: for a grant rule, when the grant that decided expires, else {@code null}. A grant
     *       whose expiry has passed is never a step: the walk goes on as if it were not there.</li>
     * </ul>
     */
    public record Step(String level, String id, String rule, Role role, boolean decided, String teamId,
                       Instant expiresAt) {
        public Step(String level, String id, String rule, Role role, boolean decided, String teamId) {
            this(level, id, rule, role, decided, teamId, null);
        }
    }
}
