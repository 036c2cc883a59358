package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topic list the stack creates (and deployments must match) against the contract's topics. */
class TaglineStackTest {

    @Test
    void every_topic_of_the_contract_and_every_consumed_topics_dead_letter_topic_is_created() {
        List<String> created =
                TaglineStack.TOPICS.stream().map(TaglineStack.Topic::name).toList();
        Arrays.stream(EventType.values())
                .map(EventType::topic)
                .forEach(topic -> assertTrue(created.contains(topic), topic + " is not created"));
        List.of(Topics.REGISTRY_TAG_EVENTS, Topics.IMAGESTREAM_TAG_EVENTS, Topics.IMPORT_REQUESTS)
                .forEach(topic -> assertTrue(
                        created.contains(Topics.deadLetter(topic)), Topics.deadLetter(topic) + " is not created"));
    }
}
