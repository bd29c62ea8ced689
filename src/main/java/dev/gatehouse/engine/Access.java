package dev.gatehouse.engine;

import dev.gatehouse.model.Role;

/** One line of an aggregate: a user and their effective permission (never none). */
public record Access(String userId, Role role) {
}
