package dev.stackbench.loadgen.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Templates, sizes and the stamp, with exact error text. */
class WsMessageTest {

    @Test
    void theDefaultMessageIsTheStampThenFillerUpToTheSize() {
        WsMessage m = WsMessage.defaults();
        byte[] bytes = m.expand();
        assertThat(bytes).hasSize(64);
        assertThat(m.stampOffset()).isZero();
        assertThat(new String(bytes, 36, 28, StandardCharsets.UTF_8)).isEqualTo("x".repeat(28));
    }

    @Test
    void aTemplatePlacesTheStampInsideJsonAndPadsToTheSize() {
        WsMessage m = new WsMessage(WsMessage.Kind.TEXT, 100, "{\"id\":\"{stamp}\",\"pad\":\"{pad}\"}");
        ByteBuf buf = new MessageWriter(m).build(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, 123_456_789L, 42);
        try {
            String text = buf.toString(StandardCharsets.UTF_8);
            assertThat(buf.readableBytes()).isEqualTo(100);
            assertThat(text).startsWith("{\"id\":\"~sb:00000000075bcd15000000000000002a\",\"pad\":\"xxx").endsWith("\"}");
            int at = Stamp.find(buf);
            assertThat(at).isEqualTo(7);
            assertThat(Stamp.intendedNanos(buf, at)).isEqualTo(123_456_789L);
            assertThat(Stamp.sequence(buf, at)).isEqualTo(42);
        } finally {
            buf.release();
        }
    }

    @Test
    void stampsRoundTripNegativeClockValues() {
        ByteBuf buf = Unpooled.buffer(40).writeZero(40);
        Stamp.write(buf, 2, -5L, Long.MAX_VALUE);
        assertThat(Stamp.find(buf)).isEqualTo(2);
        assertThat(Stamp.intendedNanos(buf, 2)).isEqualTo(-5L);
        assertThat(Stamp.sequence(buf, 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPayloadWithoutAStampIsNotMistakenForOne() {
        ByteBuf buf = Unpooled.copiedBuffer("~sb:not-hex-at-all-0000000000000000000000 ~s", StandardCharsets.US_ASCII);
        assertThat(Stamp.find(buf)).isEqualTo(Stamp.NONE);
    }

    @Test
    void templateErrorsSayWhatIsWrongAndWhatToDo() {
        assertThatThrownBy(() -> new WsMessage(WsMessage.Kind.TEXT, 64, "hello"))
                .hasMessage("template 'hello' must contain {stamp} exactly once (found 0): the receiver times each message by it");
        assertThatThrownBy(() -> new WsMessage(WsMessage.Kind.TEXT, 64, "{stamp}"))
                .hasMessage("template '{stamp}' makes 36-byte messages, not 64: add {pad} where filler may go, or use size 36");
        assertThatThrownBy(() -> new WsMessage(WsMessage.Kind.TEXT, 20, "{stamp}{pad}"))
                .hasMessage("message size (20 bytes) must be >= 36, what template '{stamp}{pad}' needs with its 36-byte stamp");
        assertThatThrownBy(() -> new WsMessage(WsMessage.Kind.TEXT, 80, "{stamp}{pad}{pad}"))
                .hasMessage("template '{stamp}{pad}{pad}' may contain {pad} at most once (found 2)");
    }

    @Test
    void theScheduleCountsExactlyRateTimesDuration() {
        Schedule s = new Schedule(1_000, 3);
        assertThat(s.intended(0)).isEqualTo(1_000);
        assertThat(s.intended(3)).isEqualTo(1_000_001_000L);
        assertThat(s.firstAtOrAfter(1_000)).isZero();
        assertThat(s.firstAtOrAfter(1_001)).isEqualTo(1);
        assertThat(s.firstAtOrAfter(1_000_001_000L + 2_000_000_000L) - s.firstAtOrAfter(1_000_001_000L)).isEqualTo(6);
    }
}
