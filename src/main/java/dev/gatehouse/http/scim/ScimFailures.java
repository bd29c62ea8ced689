package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ConflictException;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.ScimRefusal;

import java.util.function.Supplier;

/** A service's refusal as the SCIM exception the SDK answers in SCIM's error format, with its scimType. */
final class ScimFailures {
    private ScimFailures() {
    }

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw of(e);
        }
    }

    static ScimException of(ApiException e) {
        String scimType = e instanceof ScimRefusal r ? r.scimType() : null;
        return switch (e.status()) {
            case 400 -> new BadRequestException(e.getMessage(), null, scimType == null ? "invalidValue" : scimType);
            case 404 -> new ResourceNotFoundException(e.getMessage());
            case 409 -> new ConflictException(e.getMessage(), null, scimType);
            default -> new Status(e.status(), e.getMessage(), scimType);
        };
    }

    /** Any other status (503 when the store does not answer, say), kept as it is. */
    private static final class Status extends ScimException {
        Status(int status, String message, String scimType) {
            super(message, null, status, scimType);
        }
    }
}
