package dev.prec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a text corpus, read as bytes and split into training and validation parts by a
 * fixed rule: the last {@code ceil(length / 20)} bytes (5%, rounded up) of each file are
 * validation, the rest training. Files are ordered by their path relative to the corpus root
 * (with '/' separators), so the split and the token streams do not depend on the file system's
 * listing order. Immutable.
 *
 * @param root the file or folder given
 * @param names relative path of each file, in order ("" for a single file)
 * @param contents bytes of each file, in the same order
 */
record Corpus(Path root, List<String> names, List<byte[]> contents) {

    /** Name of the split rule, part of fingerprints. */
    static final String SPLIT_RULE = "last ceil(5%) bytes of each file";

    /**
     * Reads a file or every non-hidden regular file under a folder.
     *
     * @throws DataSourceException if the path is missing, holds no files, holds only empty files,
     *     or a file cannot be read
     */
    static Corpus read(Path root) {
        if (!Files.exists(root)) {
            throw new DataSourceException(root, "text source: " + root.toAbsolutePath()
                    + " does not exist; give a text file or a folder of text files");
        }
        List<Path> files = Files.isDirectory(root) ? listFiles(root) : List.of(root);
        if (files.isEmpty()) {
            throw new DataSourceException(root, "text source: folder " + root.toAbsolutePath()
                    + " contains no files; put the corpus's text files in it");
        }
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                names.add(root.equals(file) ? "" : root.relativize(file).toString().replace('\\', '/'));
                contents.add(bytes);
                total += bytes.length;
            } catch (IOException e) {
                throw new DataSourceException(file, "text source: cannot read " + file.toAbsolutePath()
                        + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); check that it is a readable file");
            }
        }
        if (total == 0) {
            throw new DataSourceException(root, "text source: " + root.toAbsolutePath() + " has "
                    + files.size() + " file(s) but all are empty; add text to the corpus");
        }
        return new Corpus(root, List.copyOf(names), List.copyOf(contents));
    }

    private static List<Path> listFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DataSourceException(root, "text source: cannot list folder "
                    + root.toAbsolutePath() + " (" + e.getMessage() + "); check its permissions");
        }
    }

    /** True if any component of the relative path starts with '.'. */
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of file {@code i} that go to validation: {@code ceil(length / 20)}. */
    static int validationLength(int length) {
        return (length + 19) / 20;
    }

    /** The training part of each file, in order. */
    List<byte[]> trainingParts() {
        List<byte[]> parts = new ArrayList<>();
        for (byte[] c : contents) {
            parts.add(java.util.Arrays.copyOfRange(c, 0, c.length - validationLength(c.length)));
        }
        return parts;
    }

    /** The validation part of each file, in order. */
    List<byte[]> validationParts() {
        List<byte[]> parts = new ArrayList<>();
        for (byte[] c : contents) {
            parts.add(java.util.Arrays.copyOfRange(c, c.length - validationLength(c.length), c.length));
        }
        return parts;
    }
}
