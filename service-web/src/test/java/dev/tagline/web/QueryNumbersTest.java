package dev.tagline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryNumbersTest {

    @Test
    void an_absent_parameter_takes_the_default() {
        assertThat(QueryNumbers.parse("limit", null, 50, 1, 100)).isEqualTo(50);
        assertThat(QueryNumbers.parse("limit", " ", 50, 1, 100)).isEqualTo(50);
    }

    @Test
    void a_number_in_range_is_read() {
        assertThat(QueryNumbers.parse("limit", " 7 ", 50, 1, 100)).isEqualTo(7);
    }

    @Test
    void a_number_out_of_range_names_the_parameter() {
        assertThatThrownBy(() -> QueryNumbers.parse("limit", "0", 50, 1, 100))
                .isInstanceOf(InvalidQueryNumberException.class)
                .hasMessage("limit must be a whole number from 1 to 100")
                .extracting(e -> ((InvalidQueryNumberException) e).field())
                .isEqualTo("limit");
    }

    @Test
    void a_word_is_refused_like_a_number_out_of_range() {
        assertThatThrownBy(() -> QueryNumbers.parse("before", "ten", 0, 1, Long.MAX_VALUE))
                .isInstanceOf(InvalidQueryNumberException.class)
                .hasMessage("before must be a whole number from 1 to " + Long.MAX_VALUE);
    }
}
