package dev.tagline.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds OCI image layouts on disk without a network or a container engine: a one-file gzip layer, a config, a
 * manifest (or an index of one manifest per platform), {@code index.json} and {@code oci-layout}. Each seed gives
 * different content, so a new seed is a new digest. {@link Skopeo} pushes the result to a registry.
 */
public final class OciImages {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    private static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    /** The name the layout's {@code index.json} gives the image; {@link LayoutImage#ociReference()} uses it. */
    private static final String REF_NAME = "latest";

    private static final int TAR_BLOCK = 512;

    /** An image platform; {@code variant} may be null. */
    public record Platform(String os, String architecture, String variant) {

        public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
        public static final Platform LINUX_ARM64 = new Platform("linux", "arm64", "v8");

        String json() {
            return "{\"architecture\":\"" + architecture + "\",\"os\":\"" + os + "\""
                    + (variant == null ? "" : ",\"variant\":\"" + variant + "\"") + "}";
        }
    }

    /** An image written as an OCI layout: its top-level digest and media type, and a child digest per platform. */
    public record LayoutImage(Path layout, String digest, String mediaType, List<String> childDigests) {

        /** The source argument for {@code skopeo copy}. */
        public String ociReference() {
            return "oci:" + layout.toAbsolutePath() + ":" + REF_NAME;
        }

        public boolean isIndex() {
            return OCI_INDEX.equals(mediaType);
        }
    }

    private record Blob(String digest, int size) {}

    private OciImages() {}

    /** A single-platform image whose content is derived from {@code seed}. */
    public static LayoutImage image(Path layout, Platform platform, String seed) {
        Blob manifest = writeManifest(layout, platform, seed);
        writeLayoutIndex(layout, OCI_MANIFEST, manifest);
        return new LayoutImage(layout, manifest.digest(), OCI_MANIFEST, List.of());
    }

    /** A multi-platform image: an index with one manifest per platform, each derived from {@code seed}. */
    public static LayoutImage index(Path layout, List<Platform> platforms, String seed) {
        List<String> entries = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (Platform platform : platforms) {
            Blob manifest = writeManifest(layout, platform, seed + "/" + platform.json());
            children.add(manifest.digest());
            entries.add("{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + manifest.digest() + "\",\"size\":"
                    + manifest.size() + ",\"platform\":" + platform.json() + "}");
        }
        Blob index = writeBlob(
                layout,
                ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[" + String.join(",", entries)
                                + "]}")
                        .getBytes(StandardCharsets.UTF_8));
        writeLayoutIndex(layout, OCI_INDEX, index);
        return new LayoutImage(layout, index.digest(), OCI_INDEX, List.copyOf(children));
    }

    private static Blob writeManifest(Path layout, Platform platform, String seed) {
        byte[] tar = tarOfOneFile("seed.txt", seed.getBytes(StandardCharsets.UTF_8));
        Blob layer = writeBlob(layout, gzip(tar));
        String config = "{\"architecture\":\"" + platform.architecture() + "\",\"os\":\"" + platform.os() + "\""
                + (platform.variant() == null ? "" : ",\"variant\":\"" + platform.variant() + "\"")
                + ",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + sha256(tar) + "\"]}}";
        Blob configBlob = writeBlob(layout, config.getBytes(StandardCharsets.UTF_8));
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"" + OCI_CONFIG + "\",\"digest\":\"" + configBlob.digest()
                + "\",\"size\":" + configBlob.size() + "},"
                + "\"layers\":[{\"mediaType\":\"" + OCI_LAYER + "\",\"digest\":\"" + layer.digest() + "\",\"size\":"
                + layer.size() + "}]}";
        return writeBlob(layout, manifest.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeLayoutIndex(Path layout, String mediaType, Blob top) {
        write(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        String index = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + mediaType + "\",\"digest\":\""
                + top.digest() + "\",\"size\":" + top.size()
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + REF_NAME + "\"}}]}";
        write(layout.resolve("index.json"), index.getBytes(StandardCharsets.UTF_8));
    }

    private static Blob writeBlob(Path layout, byte[] content) {
        String digest = sha256(content);
        write(layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), content);
        return new Blob(digest, content.length);
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** A POSIX ustar archive holding one regular file. */
    private static byte[] tarOfOneFile(String name, byte[] content) {
        byte[] header = new byte[TAR_BLOCK];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        // The checksum is computed with its own field read as spaces.
        put(header, 148, "        ");
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum) + "\0 ");
        int padded = (content.length + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
        byte[] tar = new byte[TAR_BLOCK + padded + 2 * TAR_BLOCK];
        System.arraycopy(header, 0, tar, 0, TAR_BLOCK);
        System.arraycopy(content, 0, tar, TAR_BLOCK, content.length);
        return tar;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
