package dev.aftersales.chassis.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read whole before the handler runs, so that its size is known (and
 * bounded) and it can be read again, e.g. to fingerprint it for an idempotency key. Form parameters
 * are not parsed from such a body; no door of this platform takes forms.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request itself when it is one already, else its body read up to {@code limit} bytes. */
    public static CachedBodyRequest of(HttpServletRequest request, long limit) throws IOException {
        if (request instanceof CachedBodyRequest cached) {
            return cached;
        }
        var body = readUpTo(request.getInputStream(), limit);
        if (body == null) {
            throw new PayloadTooLargeException(limit);
        }
        return new CachedBodyRequest(request, body);
    }

    static CachedBodyRequest wrap(HttpServletRequest request, byte[] body) {
        return new CachedBodyRequest(request, body);
    }

    /** The whole stream, or null when it holds more than {@code limit} bytes. */
    static byte[] readUpTo(InputStream in, long limit) throws IOException {
        var bounded = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return bounded.length > limit ? null : bounded;
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        return new BodyStream(new ByteArrayInputStream(body));
    }

    @Override
    public BufferedReader getReader() {
        var encoding = getCharacterEncoding();
        var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    private static final class BodyStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BodyStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the body was read already");
        }
    }
}
