package dev.aftersales.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.chassis.testapp.ChassisTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service refuses to start with token settings that would let foreign tokens in, and says what to set. */
class TokenSettingsTest {

    final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TokenConfiguration.class))
            .withPropertyValues(
                    "spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation());

    final ApplicationContextRunner local =
            service.withInitializer(c -> c.getEnvironment().setActiveProfiles("local"));

    @Test
    void it_starts_with_an_issuer_and_an_audience() {
        service.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.com/realms/aftersales",
                        "spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api,aftersales-mobile")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void without_an_issuer_it_refuses_to_start_naming_the_issuer_property() {
        service.withPropertyValues("spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
    }

    @Test
    void without_an_audience_it_refuses_to_start_naming_the_audience_property() {
        service.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.com")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .contains("spring.security.oauth2.resourceserver.jwt.audiences"));
    }

    @Test
    void without_the_local_profile_it_refuses_the_local_stacks_issuer() {
        service.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=aftersales-local",
                        "spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .contains("aftersales-local")
                        .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
    }

    @Test
    void with_the_local_profile_it_accepts_the_local_stacks_issuer() {
        local.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=aftersales-local",
                        "spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void the_local_profile_still_needs_an_issuer() {
        local.withPropertyValues("spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .contains("spring.security.oauth2.resourceserver.jwt.issuer-uri"));
    }

    @Test
    void an_hmac_algorithm_is_refused() {
        service.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.com",
                        "spring.security.oauth2.resourceserver.jwt.audiences=aftersales-api",
                        "spring.security.oauth2.resourceserver.jwt.jws-algorithms=HS256")
                .run(context -> assertThat(refusal(context.getStartupFailure()))
                        .contains("spring.security.oauth2.resourceserver.jwt.jws-algorithms"));
    }

    @Test
    void a_whole_service_started_without_local_issuer_and_audience_fails_with_the_message() {
        var application = new SpringApplication(ChassisTestApplication.class);
        assertThatThrownBy(() -> application
                        .run(
                                "--server.port=0",
                                "--spring.kafka.bootstrap-servers=127.0.0.1:1",
                                "--spring.mongodb.uri=mongodb://127.0.0.1:1/none",
                                // set as in every service, so that the token settings are what the start trips on
                                "--aftersales.paging.cursor-key=test-cursor-key-of-at-least-32-characters",
                                "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                        + TestTokens.publicKeyLocation())
                        .close())
                .satisfies(failure -> {
                    var analysis = new UnsafeTokenSettingsFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getAction()).contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
                });
    }

    /** The analysed refusal, as Boot prints it at a failed start. */
    private static String refusal(Throwable failure) {
        assertThat(failure).isNotNull();
        var analysis = new UnsafeTokenSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("a token-settings refusal in %s", failure).isNotNull();
        return analysis.getDescription() + "\n" + analysis.getAction();
    }
}
