package dev.aftersales.chassis.security;

import dev.aftersales.chassis.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every endpoint but health needs a bearer JWT. The token's {@code roles} claim becomes
 * {@code ROLE_*} authorities; endpoints state the roles they admit with {@code @PreAuthorize}.
 * Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    public static final String ROLES_CLAIM = "roles";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain chassisSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoder) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> ProblemResponses.write(
                response, 401, "unauthenticated", "Unauthenticated", "A valid bearer token is required.");
        AccessDeniedHandler denied = (request, response, e) ->
                ProblemResponses.write(response, 403, "forbidden", "Forbidden", "Your role does not allow this.");
        // A bearer-token API: no session, no saved request to resume after a login page, no /logout.
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/audit", "/admin/audit/export.csv")
                        .hasAnyRole(Role.OPS.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/actuator/**", "/admin/**")
                        .hasRole(Role.OPS.name())
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> {
                            j.jwtAuthenticationConverter(rolesFromClaim());
                            decoder.ifAvailable(j::decoder);
                        })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * No observation (timer, long-task timer, trace scope) around each security filter, each
     * authentication and each authorization: 2–3 % of a service's CPU under the benchmark, and
     * nothing reads them. {@code http.server.requests} still times every request. A service that wants
     * them declares its own settings.
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
