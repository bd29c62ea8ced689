package dev.gatehouse.engine;

import dev.gatehouse.model.Role;

/**
 * One line of a site aggregate. A disabled member is listed with the permission they would have if
 * enabled and {@code disabled = true}.
 */
public record SiteAccess(String userId, Role role, boolean disabled, Origin origin) {
}
