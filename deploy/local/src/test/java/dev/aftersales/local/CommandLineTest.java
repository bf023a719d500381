package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The launcher's options as {@code run-local.sh} passes them on. */
class CommandLineTest {

    static LocalStackConfig parse(String... args) {
        return CommandLine.parse(args);
    }

    @Test
    void one_instance_of_each_service_unless_asked_for_more() {
        assertThat(parse("--data=/tmp/x").instances()).isEqualTo(1);
    }

    @Test
    void instances_is_read_with_a_space_or_an_equals_sign() {
        assertThat(parse("--instances", "2", "--no-demo").instances()).isEqualTo(2);
        assertThat(parse("--instances=3").instances()).isEqualTo(3);
        assertThat(parse("--no-demo", "--instances", "2").withDemo(true).instances())
                .isEqualTo(2);
    }

    @Test
    void instances_keeps_the_services_usual_ports_as_the_round_robin_entry() {
        var config = parse("--instances", "2", "--intake-port=18081");

        assertThat(config.port(Service.INTAKE)).isEqualTo(18081);
        assertThat(config.port(Service.DISPATCH)).isEqualTo(8082);
    }

    @Test
    void instances_out_of_range_or_not_a_number_is_refused_naming_the_option() {
        assertThatThrownBy(() -> parse("--instances", "0")).hasMessageContaining("--instances must be between 1 and 4");
        assertThatThrownBy(() -> parse("--instances=5")).hasMessageContaining("--instances must be between 1 and 4");
        assertThatThrownBy(() -> parse("--instances", "two")).hasMessageContaining("--instances needs a number");
        assertThatThrownBy(() -> parse("--instances")).hasMessageContaining("--instances needs a number");
        assertThatThrownBy(() -> parse("--instances=")).hasMessageContaining("--instances needs a number");
    }

    @Test
    void the_help_text_explains_instances() {
        assertThat(CommandLine.USAGE).contains("--instances N").contains("round-robin");
    }
}
