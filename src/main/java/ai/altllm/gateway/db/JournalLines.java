package ai.altllm.gateway.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** The {@link Journal}'s file format: {@code <number> <kind> <text> <crc32 of what precedes it>\n}, per segment. */
final class JournalLines {

    private JournalLines() {
    }

    static String line(long number, char kind, String text) {
        String body = number + " " + kind + " " + text;
        return body + " " + crc(body) + "\n";
    }

    /** {@code [number, kind, text]}, or null if the line is damaged. */
    static String[] check(String line) {
        int crcAt = line.lastIndexOf(' ');
        int kindAt = line.indexOf(' ');
        if (kindAt < 1 || crcAt < kindAt + 3) {
            return null;
        }
        String body = line.substring(0, crcAt);
        if (!line.substring(crcAt + 1).equals(crc(body)) || body.charAt(kindAt + 2) != ' ') {
            return null;
        }
        try {
            Long.parseLong(body.substring(0, kindAt));
        } catch (NumberFormatException e) {
            return null;
        }
        String text = body.length() > kindAt + 3 ? body.substring(kindAt + 3) : "";
        return new String[] {body.substring(0, kindAt), body.substring(kindAt + 1, kindAt + 2), text};
    }

    /** The lines that end in a line break; what follows the last one was torn. */
    static List<String> complete(byte[] file) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(new String(file, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    static String segmentName(String name, long first) {
        return name + "-" + first + ".log";
    }

    /** The first number of a segment file of journal {@code name}, or -1 for any other file. */
    static long segmentNumber(Path file, String name) {
        String fileName = file.getFileName().toString();
        if (!fileName.startsWith(name + "-") || !fileName.endsWith(".log")) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(name.length() + 1, fileName.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String crc(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
