package dev.tagline.triggers.messaging;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tagline.events.Topics;
import dev.tagline.testkit.RecordText;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.service.TagMovesApplier;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of the {@code imagestream-tag-events} consumer's validation (Jazzer), which runs before any
 * database work: whatever the headers and value, a record validates, passes by (another type), or is refused with a
 * {@code MalformedEventException} naming its field, which dead-letters it alone. Any other exception counts as
 * transient and would hold its partition in retries forever. Inputs are {@link RecordText}; the corpus under
 * {@code TagEventsFuzzTestInputs} runs in every build.
 */
class TagEventsFuzzTest {

    /** Validation touches none of the applier's database collaborators; the settings are the defaults, in
     * Quarkus' spelling of durations. */
    private final TagMovesApplier applier = new TagMovesApplier(
            null,
            null,
            null,
            new SmallRyeConfigBuilder()
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withMapping(TriggersConfig.class)
                    .build()
                    .getConfigMapping(TriggersConfig.class));

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/events.dict")
    void every_record_applies_or_is_dead_lettered_naming_its_field(@NotNull String text) {
        RecordText.acceptedOrRefusedNamingAField(Topics.IMAGESTREAM_TAG_EVENTS, text, applier::validate);
    }
}
