package dev.aftersales.dispatch.assignment.adapter.mongo;

import java.math.BigDecimal;
import java.util.List;
import org.bson.types.Decimal128;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The store's one way with decimal amounts: a {@link BigDecimal} is written as its plain string
 * ({@code "250.50"}, never {@code "2.505E+2"}), exact and with its scale, as the service has always
 * stored fees; it is read back from such a string, and also from a BSON decimal, so documents written
 * with the driver's default representation read too. These conversions replace Boot's default ones,
 * which would write BSON decimals.
 *
 * <p>Nothing here is dispatch's own: the class can move to the chassis as it is, to give every
 * service the same decimal representation.
 */
@Configuration(proxyBeanMethods = false)
class DecimalConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /** The conversions the store uses, for tests that pin the stored form of a document. */
    static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(store -> store.registerConverters(
                List.of(ToPlainString.INSTANCE, FromString.INSTANCE, FromDecimal128.INSTANCE)));
    }

    @WritingConverter
    enum ToPlainString implements Converter<BigDecimal, String> {
        INSTANCE;

        @Override
        public String convert(BigDecimal amount) {
            return amount.toPlainString();
        }
    }

    @ReadingConverter
    enum FromString implements Converter<String, BigDecimal> {
        INSTANCE;

        @Override
        public BigDecimal convert(String stored) {
            return new BigDecimal(stored);
        }
    }

    @ReadingConverter
    enum FromDecimal128 implements Converter<Decimal128, BigDecimal> {
        INSTANCE;

        @Override
        public BigDecimal convert(Decimal128 stored) {
            return stored.bigDecimalValue();
        }
    }
}
