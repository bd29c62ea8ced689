package dev.gatehouse.model;

import java.util.Objects;

/** A member's place in a team. */
public record TeamMembership(String teamId, String userId, TeamRole role) {
    public TeamMembership {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
