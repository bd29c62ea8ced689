package dev.gatehouse.http;

/** Where {@link AccessLog} records each answered request: the services' metrics, or nowhere. */
@FunctionalInterface
interface RequestMeter {
    /** With {@code --metrics off}: requests are not timed at all. */
    RequestMeter NONE = (method, route, status, nanos) -> { };

    void record(String method, String route, int status, long nanos);
}
