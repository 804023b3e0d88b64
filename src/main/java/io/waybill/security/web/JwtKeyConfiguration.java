package io.waybill.security.web;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.waybill.kernel.InvalidSettingException;
import io.waybill.kernel.PlatformProperties;
import io.waybill.kernel.persistence.DataDirectory;
import io.waybill.kernel.persistence.EmbeddedMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The HS256 key that signs and verifies access tokens. It comes from {@code WAYBILL_JWT_SECRET};
 * only the embedded default may make one up, and it keeps it in the data directory so that tokens
 * survive a restart.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeyConfiguration {

    static final String ISSUER = "waybill";
    private static final int MIN_SECRET_BYTES = 32;
    /** How many verified access tokens are remembered (about 2 KB each): the active sessions of a busy instance. */
    private static final int VERIFIED_TOKENS = 4_096;
    private static final Logger log = LoggerFactory.getLogger(JwtKeyConfiguration.class);

    /**
     * A missing or short secret is a bad setting, reported as such before anything is connected: every
     * DataSource waits for the key, so the report never becomes "could not connect to PostgreSQL".
     */
    @Bean
    static BeanFactoryPostProcessor signingKeyBeforeTheDatabase() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn();
                definition.setDependsOn(dependsOn == null ? new String[] {"jwtSigningKey"}
                        : Stream.concat(Arrays.stream(dependsOn), Stream.of("jwtSigningKey")).toArray(String[]::new));
            }
        };
    }

    @Bean
    SecretKey jwtSigningKey(PlatformProperties properties, Environment environment, DataDirectory dataDirectory) {
        String secret = properties.jwt().secret();
        if (!secret.isBlank()) {
            return keyOf(secret, "WAYBILL_JWT_SECRET");
        }
        if (!EmbeddedMode.isOn(environment)) {
            throw new InvalidSettingException("WAYBILL_JWT_SECRET", "WAYBILL_JWT_SECRET is not set. With a "
                    + "configured database (SPRING_DATASOURCE_URL) the token signing secret must be given.",
                    "Set WAYBILL_JWT_SECRET to at least " + MIN_SECRET_BYTES + " random characters (for example "
                            + "the output of 'openssl rand -base64 48'), the same on every instance.");
        }
        return keyOf(developmentSecret(dataDirectory.resolve("jwt-secret")), "the generated development secret");
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Our issuer is a name, not a URL: the default claim conversion tries to parse it as one and
        // throws (and catches) an IllegalArgumentException on every authenticated request.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer)));
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(ISSUER));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    private static SecretKey keyOf(String secret, String source) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new InvalidSettingException("WAYBILL_JWT_SECRET", source + " is too short: HS256 needs at least "
                    + MIN_SECRET_BYTES + " bytes.", "Set WAYBILL_JWT_SECRET to at least " + MIN_SECRET_BYTES
                    + " random characters (for example the output of 'openssl rand -base64 48').");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String developmentSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays readable by its owner only through the folder's ACL.
            }
            log.warn("WAYBILL_JWT_SECRET is not set: generated a development signing secret in {}. "
                    + "Set WAYBILL_JWT_SECRET in production.", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development JWT secret at " + file, e);
        }
    }
}
