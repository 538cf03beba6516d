package ai.altllm.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The TCP ports a process listens on, read from Linux's /proc: its sockets' inodes, matched to LISTEN rows. */
public final class ListeningPorts {

    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    private ListeningPorts() {
    }

    public static boolean readable() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    public static Set<Integer> of(long pid) throws IOException {
        Set<String> inodes;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            inodes = fds.map(ListeningPorts::target).map(SOCKET::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).collect(Collectors.toSet());
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // Columns: sl local_address rem_address st ... inode (10th); 0A is LISTEN.
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
