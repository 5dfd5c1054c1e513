package dev.stackbench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void durationsPrintInTheFormTheyAreParsedFrom() {
        assertThat(DurationFormat.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(DurationFormat.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationFormat.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(DurationFormat.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationFormat.format(Duration.ofSeconds(245))).isEqualTo("4m5s");
        assertThat(DurationFormat.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationFormat.format(Duration.ZERO)).isEqualTo("0s");
        for (String text : new String[] {"10s", "250ms", "1.5s", "2m", "4m5s", "1h30m", "1h", "0s", "61.25s"}) {
            assertThat(DurationFormat.format(DurationFormat.parse(text))).isEqualTo(text);
        }
        assertThat(DurationFormat.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationFormat.parse(" 1.5 m ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationFormat.parse("500MS")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> DurationFormat.parse("PT10S"))
                .hasMessage("'PT10S' is not a duration: expected a number with a unit (ms, s, m, h), e.g. 10s or 500ms");
        assertThatThrownBy(() -> DurationFormat.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationFormat.parse("10x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latenciesShowThreeSignificantDigits() {
        assertThat(DurationFormat.micros(412)).isEqualTo("412 µs");
        assertThat(DurationFormat.micros(4060)).isEqualTo("4.06 ms");
        assertThat(DurationFormat.micros(172_400)).isEqualTo("172 ms");
        assertThat(DurationFormat.micros(1_200_000)).isEqualTo("1.20 s");
        assertThat(DurationFormat.micros(999.7)).isEqualTo("1.00 ms");
        assertThat(DurationFormat.micros(9996)).isEqualTo("10.0 ms");
        assertThat(DurationFormat.micros(4060, Locale.GERMANY)).isEqualTo("4,06 ms");
        assertThat(DurationFormat.micros(95)).isEqualTo("95 µs");
        assertThat(DurationFormat.micros(1.494)).isEqualTo("1.49 µs");
        assertThat(DurationFormat.micros(9.996)).isEqualTo("10 µs");
        assertThat(DurationFormat.micros(0)).isEqualTo("0 µs");
    }

    @Test
    void measuredSecondsSpeakTheLatencyDialect() {
        assertThat(DurationFormat.seconds(10)).isEqualTo("10.0 s");
        assertThat(DurationFormat.seconds(2.134)).isEqualTo("2.13 s");
        assertThat(DurationFormat.seconds(0.5)).isEqualTo("500 ms");
        assertThat(DurationFormat.seconds(0.000_166_78)).isEqualTo("167 µs");
        assertThat(DurationFormat.seconds(125)).isEqualTo("125 s");
        assertThat(DurationFormat.seconds(0)).isEqualTo("0 µs");
    }

    @Test
    void sizesAreBinaryAndReadBack() {
        assertThat(SizeFormat.format(512)).isEqualTo("512 B");
        assertThat(SizeFormat.format(312 * 1024)).isEqualTo("312 KiB");
        assertThat(SizeFormat.format(74.4 * 1024 * 1024)).isEqualTo("74.4 MiB");
        assertThat(SizeFormat.format(1.5 * 1024 * 1024 * 1024)).isEqualTo("1.50 GiB");
        assertThat(SizeFormat.format(74.4 * 1024 * 1024, Locale.GERMANY)).isEqualTo("74,4 MiB");
        assertThat(SizeFormat.parse("64MiB")).isEqualTo(64L * 1024 * 1024);
        assertThat(SizeFormat.parse("1.50 GiB")).isEqualTo(1610612736L);
        assertThat(SizeFormat.parse("512 b")).isEqualTo(512);
        assertThat(SizeFormat.parse("4096")).isEqualTo(4096);
        assertThat(SizeFormat.format(SizeFormat.parse("312 KiB"))).isEqualTo("312 KiB");
        assertThatThrownBy(() -> SizeFormat.parse("10MB"))
                .hasMessage("'10MB' is not a size: expected a number with a binary unit (B, KiB, MiB, GiB, TiB), e.g. 64MiB");
    }

    @Test
    void ratesPrintGroupedAndReadBack() {
        assertThat(RateFormat.format(14041.4)).isEqualTo("14,041 req/s");
        assertThat(RateFormat.format(87.46)).isEqualTo("87.5 req/s");
        assertThat(RateFormat.number(14041.4, Locale.GERMANY)).isEqualTo("14.041");
        assertThat(RateFormat.parse("14,041 req/s")).isEqualTo(14041);
        assertThat(RateFormat.parse("2.5k")).isEqualTo(2500);
        assertThat(RateFormat.parse("1.2M/s")).isEqualTo(1_200_000);
        assertThat(RateFormat.parse("500/s")).isEqualTo(500);
        assertThat(RateFormat.parse(RateFormat.format(87.5))).isEqualTo(87.5);
        assertThat(RateFormat.format(1250, "msg/s")).isEqualTo("1,250 msg/s");
        assertThat(RateFormat.format(299.8, "deliveries/s")).isEqualTo("300 deliveries/s");
        assertThat(RateFormat.format(87.46, "msg/s")).isEqualTo("87.5 msg/s");
        assertThatThrownBy(() -> RateFormat.parse("fast"))
                .hasMessage("'fast' is not a rate: expected requests per second such as 2000, 2.5k or 500/s");
    }

    @Test
    void tablesAlignColumnsWithoutTrailingBlanks() {
        TextTable t = new TextTable(TextTable.left("CONTESTANT"), TextTable.right("REQ/S"), TextTable.left("P99"))
                .withRule();
        t.row("express", "14,041", "4.06 ms");
        t.row(java.util.List.of("fastapi-uvicorn", "987", "412 µs"), java.util.List.of("a note"));
        assertThat(t.render()).isEqualTo("""
                CONTESTANT        REQ/S  P99
                ---------------  ------  -------
                express          14,041  4.06 ms
                fastapi-uvicorn     987  412 µs
                    a note
                """);
        assertThatThrownBy(() -> t.row("only one")).hasMessage("a row of 1 cells for 3 columns: [only one]");
    }

    @Test
    void anIndentStartsEveryLineButNoEmptyOne() {
        TextTable t = new TextTable(TextTable.left(""), TextTable.right("p50"), TextTable.right("p99")).withIndent(2);
        t.row("Latency", "1.00 ms", "4.06 ms");
        t.row(java.util.List.of("Success", "none", ""), java.util.List.of("(a note)"));
        t.row("", "", "");
        assertThat(t.render()).isEqualTo(""
                + "               p50      p99\n"
                + "  Latency  1.00 ms  4.06 ms\n"
                + "  Success     none\n"
                + "      (a note)\n"
                + "\n");
        assertThatThrownBy(() -> t.withIndent(-1)).hasMessage("an indent of -1 spaces; expected >= 0");
    }
}
