package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** A call to install a machine the archive does not know yet. */
class InstallationRequestsTest extends HotlineSliceTest {

    @Test
    void an_installation_without_a_serial_is_registered_under_a_placeholder_with_the_install_wait_clock() {
        var form = Hotline.form();
        form.put("kind", "INSTALLATION");
        ((ObjectNode) form.path("machine")).remove("serialNumber");
        var installation = form.putObject("installation");
        installation.put("model", "RO-600");
        installation.put("productLine", "PURIFIER");
        installation.put("purchasedOn", "2026-11-28");
        installation.put("sellingDealerId", "D-SH-01");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);

            var registered = tap.await(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.serialNumber()).isEqualTo("NEW-" + id);
            assertThat(registered.installation().serialKnown()).isFalse();
            assertThat(registered.installation().model()).isEqualTo("RO-600");
            assertThat(registered.installation().purchasedOn()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(registered.installation().sellingDealerId()).isEqualTo("D-SH-01");
            assertThat(Duration.between(registered.registeredAt(), registered.onSiteDue()))
                    .isEqualTo(Duration.ofHours(48));
            var view = hotline.caseView(AGENT, id);
            assertThat(view.path("serialNumber").asString()).isEqualTo("NEW-" + id);
            assertThat(view.path("handledBy").asString()).isEqualTo("DISPATCH");
            assertThat(view.path("installation").path("model").asString()).isEqualTo("RO-600");
        }
    }

    @Test
    void an_installation_of_a_serial_the_archive_does_not_know_carries_the_request_from_the_form() {
        var form = Hotline.form(Hotline.serialOf(Hotline.form()), "INSTALLATION");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);

            var registered = tap.await(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class), WAIT)
                    .as(ComplaintRegistered.class);
            assertThat(registered.serialNumber()).isEqualTo(Hotline.serialOf(form));
            assertThat(registered.installation().serialKnown()).isTrue();
            assertThat(registered.installation().model()).isEqualTo("RO-400");
            assertThat(registered.installation().purchasedOn()).isEqualTo(LocalDate.parse("2024-05-01"));
        }
    }

    @Test
    void without_a_serial_the_model_purchase_date_and_selling_dealer_are_required_each_named() {
        var form = Hotline.form();
        form.put("kind", "INSTALLATION");
        form.remove("purchasedOn");
        ((ObjectNode) form.path("machine")).remove("serialNumber");
        ((ObjectNode) form.path("machine")).remove("model");
        form.putObject("installation");

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(response.body()))
                .containsExactlyInAnyOrder(
                        "installation.model", "installation.purchasedOn", "installation.sellingDealerId");
    }

    @Test
    void a_repair_without_a_serial_and_an_installation_request_on_a_repair_are_refused() {
        var form = Hotline.form();
        ((ObjectNode) form.path("machine")).remove("serialNumber");
        form.putObject("installation").put("model", "RO-600");

        var response = hotline.register(AGENT, form.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Hotline.fieldsAtFault(response.body()))
                .containsExactlyInAnyOrder("machine.serialNumber", "installation");
    }
}
