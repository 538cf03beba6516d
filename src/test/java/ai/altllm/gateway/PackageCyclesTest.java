package ai.altllm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the main sources' imports and fails on any cycle between the gateway's packages. */
class PackageCyclesTest {

    private static final String ROOT = "ai.altllm.gateway";
    private static final Path SOURCES = Path.of("src/main/java/ai/altllm/gateway");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A reference to a gateway type, imported or written out: the package is everything before the first Capital. */
    private static final Pattern REFERENCE = Pattern
            .compile("\\bai\\.altllm\\.gateway((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z*]");
    /** Comments, then string and char literals, so neither a Javadoc link nor a text counts as a dependency. */
    private static final Pattern NOISE = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:\\\\.|[^\\\\])*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'",
            Pattern.DOTALL);

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() > 20, "only " + graph.size() + " packages found under " + SOURCES.toAbsolutePath());
        assertTrue(graph.values().stream().mapToInt(Set::size).sum() > 40, "too few dependencies read: " + graph);
        List<Set<String>> cycles = cycles(graph);
        StringBuilder report = new StringBuilder();
        for (Set<String> cycle : cycles) {
            report.append("\ncycle of ").append(cycle.size()).append(" packages: ").append(cycle);
            for (String from : cycle) {
                Set<String> inside = new TreeSet<>(graph.get(from));
                inside.retainAll(cycle);
                report.append("\n    ").append(from).append(" -> ").append(inside);
            }
        }
        assertTrue(cycles.isEmpty(), cycles.size() + " package cycle(s):" + report);
    }

    @Test
    void finderReportsEachCycleAndNothingElse() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c", "d"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("e"));
        graph.put("e", Set.of("d", "f"));
        graph.put("f", Set.of());
        assertEquals(List.of(Set.of("a", "b", "c"), Set.of("d", "e")), cycles(graph));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    @Test
    void readerTakesImportsStaticImportsAndWrittenOutNamesButNotComments() {
        String source = """
                package ai.altllm.gateway.chat;
                import ai.altllm.gateway.config.GatewayConfig;
                import static ai.altllm.gateway.errors.ApiException.badRequest;
                import ai.altllm.gateway.tools.crypto.*;
                import ai.altllm.gateway.GatewayApplication;
                /** See {@link ai.altllm.gateway.keys.Caller}. */
                class X { ai.altllm.gateway.web.Paging p; String s = "ai.altllm.gateway.video.VideoTask"; }
                """;
        assertEquals(Set.of("config", "errors", "tools.crypto", "(root)", "web"), referenced(source));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String source = Files.readString(file);
            Matcher declared = PACKAGE.matcher(source);
            assertTrue(declared.find(), "no package line in " + file);
            String from = name(declared.group(1).substring(ROOT.length()));
            Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
            referenced(source).stream().filter(to -> !to.equals(from)).forEach(targets::add);
        }
        graph.values().forEach(targets -> targets.forEach(to -> graph.putIfAbsent(to, new TreeSet<>())));
        return graph;
    }

    private static Set<String> referenced(String source) {
        Set<String> packages = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(NOISE.matcher(source).replaceAll(" "));
        while (reference.find()) {
            packages.add(name(reference.group(1)));
        }
        packages.remove(name(PACKAGE.matcher(source).results().findFirst().map(m -> m.group(1)).orElse(ROOT)
                .substring(ROOT.length())));
        return packages;
    }

    /** {@code ".tools.crypto"} becomes {@code "tools.crypto"}; the root package itself is {@code "(root)"}. */
    private static String name(String suffix) {
        return suffix.isEmpty() ? "(root)" : suffix.substring(1);
    }

    /** Tarjan's strongly connected components with more than one package, each sorted, in order of first package. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, found);
            }
        }
        found.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
        return found;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
