package dev.aftersales.intake.complaint.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintForm;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.Customer;
import dev.aftersales.intake.complaint.domain.Machine;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@ServiceSliceTest
class MongoComplaintsTest {

    @Autowired
    Complaints complaints;

    static Complaint about(String id, String serialNumber) {
        var form = new ComplaintForm(
                new Customer("王芳", List.of("13812345678"), "上海", "310115"),
                new Machine(serialNumber, "RO-400", null, null, null),
                null,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                "漏水",
                null);
        return Complaint.register(id, form, "agent-1", Instant.now(), SlaPolicy.DEFAULT);
    }

    @Test
    void a_new_case_whose_id_clashed_leaves_no_other_machines_case_as_its_machines_open_case() {
        var id = "C-CLASH-" + UUID.randomUUID();
        var first = "WP-" + UUID.randomUUID();
        var second = "WP-" + UUID.randomUUID();
        complaints.add(about(id, first));

        assertThatThrownBy(() -> complaints.add(about(id, second))).isInstanceOf(DuplicateKeyException.class);

        assertThat(complaints.openBySerialNumber(second)).isEmpty();
        assertThat(complaints.openBySerialNumber(first))
                .extracting(Complaint::id)
                .containsExactly(id);
    }
}
