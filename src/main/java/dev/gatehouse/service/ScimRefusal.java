package dev.gatehouse.service;

/**
 * A refusal of a SCIM request that names its RFC 7644 {@code scimType} ({@code uniqueness}, {@code invalidValue},
 * {@code mutability}), so that an identity provider can tell a duplicate from a bad value.
 */
public final class ScimRefusal extends ApiException {
    private final String scimType;

    public ScimRefusal(int status, String scimType, String message) {
        super(status, message);
        this.scimType = scimType;
    }

    public String scimType() {
        return scimType;
    }

    static ScimRefusal invalidValue(String message) {
        return new ScimRefusal(400, "invalidValue", message);
    }

    static ScimRefusal uniqueness(String message) {
        return new ScimRefusal(409, "uniqueness", message);
    }
}
