package dev.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body in full before the routes see the request, without holding a thread while
 * it arrives. The routes read bodies with {@code ctx.bodyAsBytes()}, which blocks: a client sending a
 * body one byte a second held a thread for as long as it liked, and a few hundred such clients held them
 * all. Here the bytes are gathered as Jetty announces them, and a thread is taken only once the body is
 * complete. Bodies still arriving are capped ({@link HttpLimits#maxUploads}: more are shed with 503), must
 * arrive whole within {@link HttpLimits#bodyTimeout} (else 408), and may not exceed
 * {@link HttpLimits#MAX_BODY} (413). A body Jetty cannot decode (broken chunking) is a 400.
 */
final class WholeBodies extends Handler.Wrapper {
    private static final int INITIAL = 16 * 1024;

    private final JsonErrorHandler errors;
    private final int maxUploads;
    private final long timeoutMs;
    private final AtomicInteger uploads = new AtomicInteger();

    WholeBodies(JsonErrorHandler errors, HttpLimits limits) {
        this.errors = errors;
        this.maxUploads = limits.maxUploads();
        this.timeoutMs = limits.bodyTimeout().toMillis();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        long length = request.getLength();
        if (!chunked && length <= 0) {
            return super.handle(request, response, callback);
        }
        if (length > HttpLimits.MAX_BODY) {
            errors.send(response, 413, "the request body is too large (at most 4 MB)", callback);
            return true;
        }
        if (uploads.incrementAndGet() > maxUploads) {
            uploads.decrementAndGet();
            errors.send(response, 503, "too many request bodies are arriving at once", callback);
            return true;
        }
        new Gathering(request, response, callback, length).start();
        return true;
    }

    /** One body on its way in; exactly one of done, refuse and timeout ends it. */
    private final class Gathering implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean ended = new AtomicBoolean();
        private byte[] bytes;
        private int size;
        private Scheduler.Task deadline;

        Gathering(Request request, Response response, Callback callback, long length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            // Grown as bytes arrive, not sized by Content-Length: a client declaring 4 MB and sending nothing
            // would otherwise hold 4 MB of heap for the whole body deadline.
            this.bytes = new byte[(int) Math.min(Math.max(length, 1024), INITIAL)];
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::timeout, timeoutMs, TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more arrives. */
        @Override
        public void run() {
            while (!ended.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    refuse(failure instanceof HttpException http ? http.getCode() : 400,
                            "the request body could not be read: " + failure.getMessage());
                    return;
                }
                boolean fits = append(chunk.getByteBuffer());
                boolean last = chunk.isLast();
                chunk.release();
                if (!fits) {
                    refuse(413, "the request body is too large (at most 4 MB)");
                    return;
                }
                if (last) {
                    done();
                    return;
                }
            }
        }

        private boolean append(ByteBuffer buffer) {
            int n = buffer.remaining();
            if (size + (long) n > HttpLimits.MAX_BODY) {
                return false;
            }
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(HttpLimits.MAX_BODY, Math.max(size + n, 2L * bytes.length)));
            }
            buffer.get(bytes, size, n);
            size += n;
            return true;
        }

        private boolean end() {
            if (!ended.compareAndSet(false, true)) {
                return false;
            }
            deadline.cancel();
            uploads.decrementAndGet();
            return true;
        }

        private void done() {
            if (!end()) {
                return;
            }
            Request whole = new Whole(request, ByteBuffer.wrap(bytes, 0, size));
            try {
                if (!WholeBodies.super.handle(whole, response, callback)) {
                    errors.send(response, 404, "no such endpoint", callback);
                }
            } catch (Throwable t) {
                callback.failed(t);
            }
        }

        private void refuse(int status, String message) {
            if (end()) {
                errors.send(response, status, message, callback);
            }
        }

        private void timeout() {
            refuse(408, "the request body did not arrive within " + timeoutMs + " ms; send it whole, promptly");
        }
    }

    /** The request as the routes see it: its body already here, read without waiting. */
    private static final class Whole extends Request.Wrapper {
        private final ByteBufferContentSource body;

        Whole(Request wrapped, ByteBuffer bytes) {
            super(wrapped);
            this.body = new ByteBufferContentSource(bytes);
        }

        @Override
        public long getLength() {
            return body.getLength();
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }

        @Override
        public boolean consumeAvailable() {
            while (true) {
                Content.Chunk c = body.read();
                if (c == null || c.isLast()) {
                    return true;
                }
                c.release();
            }
        }
    }
}
