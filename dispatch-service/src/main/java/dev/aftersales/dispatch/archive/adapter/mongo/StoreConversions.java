package dev.aftersales.dispatch.archive.adapter.mongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bson.types.Decimal128;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How the service's store keeps the values BSON has no exact type for, in every document alike (they
 * replace Boot's default conversions):
 *
 * <ul>
 *   <li>a decimal amount ({@link BigDecimal}) as its plain string, {@code "250.50"} and never {@code
 *       "2.505E+2"}: exact, with its scale, as fees have always been stored; read back from such a
 *       string, and also from a BSON decimal (the driver's default), so either form reads;
 *   <li>a calendar date ({@link LocalDate}) as its ISO string, {@code "2024-05-03"}: a date has no time
 *       zone, and the default (midnight in the JVM's zone, as a timestamp) would shift it between zones.
 * </ul>
 *
 * <p>Service-wide, so it sits with the archive, which every other capability builds on. Nothing here
 * is dispatch's own: the class can move to the chassis as it is.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /** The conversions the store uses, for tests that pin the stored form of a document. */
    public static MongoCustomConversions conversions() {
        return MongoCustomConversions.create(store -> store.registerConverters(List.of(
                AmountToString.INSTANCE,
                AmountFromString.INSTANCE,
                AmountFromDecimal128.INSTANCE,
                DateToString.INSTANCE,
                DateFromString.INSTANCE)));
    }

    @WritingConverter
    enum AmountToString implements Converter<BigDecimal, String> {
        INSTANCE;

        @Override
        public String convert(BigDecimal amount) {
            return amount.toPlainString();
        }
    }

    @ReadingConverter
    enum AmountFromString implements Converter<String, BigDecimal> {
        INSTANCE;

        @Override
        public BigDecimal convert(String stored) {
            return new BigDecimal(stored);
        }
    }

    @ReadingConverter
    enum AmountFromDecimal128 implements Converter<Decimal128, BigDecimal> {
        INSTANCE;

        @Override
        public BigDecimal convert(Decimal128 stored) {
            return stored.bigDecimalValue();
        }
    }

    @WritingConverter
    enum DateToString implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate date) {
            return date.toString();
        }
    }

    @ReadingConverter
    enum DateFromString implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String stored) {
            return LocalDate.parse(stored);
        }
    }
}
