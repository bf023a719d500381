package dev.aftersales.intake;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hotline's complaint desk: registers cases, keeps their SLA clocks and the timeline of every stream. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }

    /**
     * Calendar dates (a nameplate's production date, the day of purchase or installation) are stored
     * as ISO strings, {@code 2024-03-01}: a date has no time zone, and the store's default, a midnight
     * instant, would shift by the zone of whichever instance wrote or read it.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(
                conversions -> conversions.registerConverters(List.of(DateToText.INSTANCE, TextToDate.INSTANCE)));
    }

    @WritingConverter
    enum DateToText implements Converter<LocalDate, String> {
        INSTANCE;

        @Override
        public String convert(LocalDate date) {
            return date.toString();
        }
    }

    @ReadingConverter
    enum TextToDate implements Converter<String, LocalDate> {
        INSTANCE;

        @Override
        public LocalDate convert(String text) {
            return LocalDate.parse(text);
        }
    }
}
