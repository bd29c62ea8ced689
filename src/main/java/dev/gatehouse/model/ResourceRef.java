package dev.gatehouse.model;

import java.util.Objects;

/** Names one collection, space, site or page. */
public record ResourceRef(ResourceType type, String id) {
    public ResourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static ResourceRef collection(String id) {
        return new ResourceRef(ResourceType.COLLECTION, id);
    }

    public static ResourceRef space(String id) {
        return new ResourceRef(ResourceType.SPACE, id);
    }

    public static ResourceRef site(String id) {
        return new ResourceRef(ResourceType.SITE, id);
    }

    public static ResourceRef page(String id) {
        return new ResourceRef(ResourceType.PAGE, id);
    }

    @Override
    public String toString() {
        return type.wire() + ":" + id;
    }
}
