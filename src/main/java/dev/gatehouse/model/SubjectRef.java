package dev.gatehouse.model;

import java.util.Objects;

/** Names the user or team that a grant is given to. */
public record SubjectRef(SubjectType type, String id) {
    public SubjectRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static SubjectRef user(String id) {
        return new SubjectRef(SubjectType.USER, id);
    }

    public static SubjectRef team(String id) {
        return new SubjectRef(SubjectType.TEAM, id);
    }

    @Override
    public String toString() {
        return (type == SubjectType.USER ? "user:" : "team:") + id;
    }
}
