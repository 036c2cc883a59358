package dev.tagline.imports.service;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.Topics;
import dev.tagline.support.messaging.RecordHeaders;
import dev.tagline.testkit.RecordText;

/**
 * Coverage-guided fuzzing of how the {@code import-requests} consumer reads a request before any other work (Jazzer):
 * whatever the headers and value, a request is read or refused with a {@code MalformedEventException} naming its
 * field, which dead-letters it. Any other exception counts as transient and would hold its partition in retries
 * forever. Inputs are {@link RecordText}; the corpus under {@code ImportRequestsFuzzTestInputs} runs in every build.
 */
class ImportRequestsFuzzTest {

    @FuzzTest
    @DictionaryFile(resourcePath = "/fuzz/events.dict")
    void every_request_is_answered_or_dead_lettered_naming_its_field(@NotNull String text) {
        RecordText.acceptedOrRefusedNamingAField(
                Topics.IMPORT_REQUESTS,
                text,
                record -> ImportRequestsRouter.validate(
                        CloudEventHeaders.fromHeaders(name -> RecordHeaders.last(record, name)), record.value()));
    }
}
