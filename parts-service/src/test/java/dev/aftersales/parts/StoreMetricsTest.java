package dev.aftersales.parts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.parts.stock.domain.Stocks;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What parts measures of its store: the connection pool, not each command (a storm sends thousands a second). */
@ServiceSliceTest
class StoreMetricsTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    Stocks stocks;

    @Test
    void times_no_store_command_one_by_one_but_keeps_the_connection_pool_gauges() {
        stocks.find("D-NONE|P-NONE");

        assertThat(meters.find("mongodb.driver.commands").meters()).isEmpty();
        assertThat(meters.find("mongodb.driver.pool.size").meters()).isNotEmpty();
    }
}
