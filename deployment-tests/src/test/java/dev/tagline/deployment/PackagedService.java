package dev.tagline.deployment;

import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's {@code target/quarkus-app}: its own jar, whose {@code application.properties} and
 * {@code @ConfigMapping} interfaces say what it reads, and the libraries it runs with.
 */
final class PackagedService {

    private static final String CONFIG_MAPPING_DESCRIPTOR =
            "L" + ConfigMapping.class.getName().replace('.', '/') + ";";
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern TOPIC =
            Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(dead-letter-queue\\.)?topic$");
    private static final String OUR_LIBRARIES = "dev.tagline.";

    /** Framework settings a deployment may give, by the packaged library that reads them. */
    private static final Map<String, Set<String>> FRAMEWORK_PROPERTIES = Map.of(
            "io.quarkus.quarkus-core-", Set.of("quarkus.log.level"),
            "io.quarkus.quarkus-vertx-http-", Set.of("quarkus.http.port", "quarkus.http.host"),
            "io.quarkus.quarkus-smallrye-jwt-",
                    Set.of(
                            "mp.jwt.verify.publickey.location",
                            "mp.jwt.verify.publickey",
                            "mp.jwt.verify.issuer",
                            "mp.jwt.verify.audiences"));

    /** Read by our Dockerfiles' entry point, which appends it to the packaged jvm.options, not by the service. */
    private static final Pattern IMAGE_LAUNCHER_VARIABLES = Pattern.compile("JAVA_OPTS_APPEND");

    private final String module;
    private final Path appJar;
    private final List<Path> libraries;

    private PackagedService(String module, Path appJar, List<Path> libraries) {
        this.module = module;
        this.appJar = appJar;
        this.libraries = libraries;
    }

    static PackagedService open(Path moduleDir) {
        String module = moduleDir.getFileName().toString();
        Path app = moduleDir.resolve("target/quarkus-app");
        if (!Files.isDirectory(app.resolve("app"))) {
            throw new IllegalStateException(module + " is not packaged at " + app + ": run ./mvnw -pl " + module
                    + " -am package -DskipTests (./mvnw verify packages it before this module)");
        }
        try (Stream<Path> appJars = Files.list(app.resolve("app"));
                Stream<Path> libs = Files.list(app.resolve("lib/main"))) {
            Path appJar = appJars.filter(jar -> jar.getFileName().toString().startsWith(module + "-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + module + " jar in " + app.resolve("app")));
            return new PackagedService(module, appJar, libs.sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TaglineService describe() {
        Properties properties = applicationProperties();
        String port = properties.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(module + " names no quarkus.http.port in its application.properties");
        }
        Set<String> propertyNames = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        properties.stringPropertyNames().forEach(key -> {
            String name = PROFILE.matcher(key).replaceFirst("");
            propertyNames.add(name);
            if (TOPIC.matcher(name).matches()) {
                topics.add(properties.getProperty(key).strip());
            }
        });
        for (Path jar : ourJars()) {
            propertyNames.addAll(libraryDefaults(jar));
        }
        configMappings().forEach(mapping -> propertyNames.addAll(ConfigMappingProperties.of(mapping)));
        FRAMEWORK_PROPERTIES.forEach((library, names) -> {
            if (packages(library)) {
                propertyNames.addAll(names);
            }
        });
        Set<Pattern> environment = new HashSet<>(Set.of(IMAGE_LAUNCHER_VARIABLES));
        propertyNames.forEach(name -> environment.add(EnvironmentVariableNames.patternOf(name)));
        return new TaglineService(
                module,
                Integer.parseInt(port.strip()),
                Collections.unmodifiableSet(topics),
                Collections.unmodifiableSet(environment));
    }

    private Properties applicationProperties() {
        try (JarFile jar = new JarFile(appJar.toFile())) {
            JarEntry entry = jar.getJarEntry("application.properties");
            if (entry == null) {
                throw new IllegalStateException("No application.properties in " + appJar);
            }
            return load(jar, entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Our libraries ship defaults (namespace-access's quarkus.http.auth.proactive, say) that count as read too.
    private static Set<String> libraryDefaults(Path jarPath) {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            JarEntry entry = jar.getJarEntry("META-INF/microprofile-config.properties");
            if (entry == null) {
                return Set.of();
            }
            Set<String> names = new TreeSet<>();
            load(jar, entry)
                    .stringPropertyNames()
                    .forEach(key -> names.add(PROFILE.matcher(key).replaceFirst("")));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(JarFile jar, JarEntry entry) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            properties.load(in);
        }
        return properties;
    }

    private boolean packages(String libraryPrefix) {
        return libraries.stream().anyMatch(jar -> jar.getFileName().toString().startsWith(libraryPrefix));
    }

    private List<Path> ourJars() {
        List<Path> jars = new ArrayList<>();
        jars.add(appJar);
        libraries.stream()
                .filter(jar -> jar.getFileName().toString().startsWith(OUR_LIBRARIES))
                .forEach(jars::add);
        return jars;
    }

    /**
     * Our {@code @ConfigMapping} interfaces, loaded by name. Only classes whose bytes mention the annotation are
     * loaded: the others may need libraries this test does not have.
     */
    private List<Class<?>> configMappings() {
        List<Path> jars = ourJars();
        List<Class<?>> mappings = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls(jars), getClass().getClassLoader())) {
            for (Path jarPath : jars) {
                try (JarFile jar = new JarFile(jarPath.toFile())) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        if (entry.getName().endsWith(".class") && mentionsConfigMapping(jar, entry)) {
                            Class<?> type = loader.loadClass(
                                    entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
                            if (type.isAnnotationPresent(ConfigMapping.class)) {
                                mappings.add(type);
                            }
                        }
                    }
                }
            }
            return mappings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mentionsConfigMapping(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            // Class-file constant pools hold descriptors in modified UTF-8, which is ASCII for these names.
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(CONFIG_MAPPING_DESCRIPTOR);
        }
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream()
                .map(jar -> {
                    try {
                        return jar.toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}
