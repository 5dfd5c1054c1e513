package dev.stackbench.analysis.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stackbench.results.RunCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed fixture directory is what {@link AdviseFixture} writes, so the golden files of report and cli see the same run. */
class AdviseFixtureTest {
    @Test
    void theCommittedRunIsTheGeneratedOne() throws IOException {
        String committed = Files.readString(Path.of("src/test/resources/advise/rate-curves/run.json"), StandardCharsets.UTF_8);
        assertThat(committed).isEqualTo(new RunCodec().write(AdviseFixture.run()));
    }

    @Test
    void theCommittedMixLadderRunIsTheGeneratedOne() throws IOException {
        String committed = Files.readString(Path.of("src/test/resources/advise/mix-ladder/run.json"), StandardCharsets.UTF_8);
        assertThat(committed).isEqualTo(new RunCodec().write(MixLadderFixture.run()));
    }
}
