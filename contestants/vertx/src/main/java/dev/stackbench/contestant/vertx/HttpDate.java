package dev.stackbench.contestant.vertx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value, RFC 7231 IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
final class HttpDate {

    // Not DateTimeFormatter.RFC_1123_DATE_TIME: that one drops the leading zero of the day.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
