package dev.gatehouse.engine;

import dev.gatehouse.model.Role;
import dev.gatehouse.model.Space;

/** One line of member spaces: a space and the member's effective permission on it (never none). */
public record SpaceAccess(Space space, Role role) {
}
