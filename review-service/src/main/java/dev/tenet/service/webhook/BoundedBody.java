package dev.tenet.service.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit, and stops reading as soon as it is over. */
final class BoundedBody {
    /** GitHub caps webhook payloads at 25 MB. */
    static final long GITHUB_LIMIT = 25L * 1024 * 1024;

    /** The body was longer than the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the body is over " + limit + " bytes");
        }
    }

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw new TooLargeException(limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(limit);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }
}
