package org.civicdesk.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.felix.utils.manifest.Clause;
import org.apache.felix.utils.manifest.Parser;

/**
 * The wiring rules CivicDesk's bundles keep, checked on their manifests. The OSGi resolver accepts
 * every one of these mistakes, so only a check at build time keeps them out:
 * <ul>
 * <li>no bundle imports an {@code .internal} package (any package matching {@code *.internal*});</li>
 * <li>no bundle imports from an implementation bundle, that is one with {@code .internal} packages of
 * its own: the API lives in {@code *.api} bundles, so an implementation can be replaced or removed
 * without taking its consumers along;</li>
 * <li>an API bundle ({@code *.api}) runs nothing: no implementation packages, no DS components, no
 * activator, no shell commands;</li>
 * <li>no cycle: bundle A imports a package that B exports, and B, directly or through others, imports
 * one that A exports.</li>
 * </ul>
 */
final class BundleWiring {
    /** Headers by which a bundle starts code of its own when it is started. */
    private static final List<String> RUNNING_HEADERS = List.of("Service-Component", "Bundle-Activator", "Karaf-Commands");

    private BundleWiring() {
    }

    /**
     * What the rules need of one bundle.
     *
     * @param symbolicName its Bundle-SymbolicName
     * @param packages     the packages it contains (classes, not resources)
     * @param exports      the packages in its Export-Package
     * @param imports      the packages in its Import-Package, optional ones included: they are wired all the same
     * @param runs         the headers by which it starts code of its own ({@link #RUNNING_HEADERS})
     */
    record Bundle(String symbolicName, Set<String> packages, Set<String> exports, Set<String> imports, Set<String> runs) {
        Bundle {
            packages = Collections.unmodifiableSet(new TreeSet<>(packages));
            exports = Collections.unmodifiableSet(new TreeSet<>(exports));
            imports = Collections.unmodifiableSet(new TreeSet<>(imports));
            runs = Collections.unmodifiableSet(new TreeSet<>(runs));
        }

        /** An implementation bundle: it has packages of its own that nobody else may use. */
        boolean isImplementation() {
            return packages.stream().anyMatch(BundleWiring::isInternal);
        }

        /** An API bundle, by the project's naming rule (directory = artifactId = symbolic name = root package). */
        boolean isApi() {
            return symbolicName.endsWith(".api");
        }

        @Override
        public String toString() {
            return symbolicName;
        }
    }

    /** A package name matching {@code *.internal*}. */
    static boolean isInternal(String packageName) {
        return packageName.contains(".internal");
    }

    /** The bundle described by a manifest, containing the given packages. */
    static Bundle of(Manifest manifest, Collection<String> packages) {
        var main = manifest.getMainAttributes();
        List<Clause> name = clauses(main.getValue("Bundle-SymbolicName"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Not a bundle: no Bundle-SymbolicName");
        }
        Set<String> runs = RUNNING_HEADERS.stream().filter(h -> main.getValue(h) != null).collect(Collectors.toSet());
        return new Bundle(name.get(0).getName(), Set.copyOf(packages), names(main.getValue("Export-Package")),
                names(main.getValue("Import-Package")), runs);
    }

    /** The bundle in a jar file or in an exploded directory (a module's {@code target/classes}). */
    static Bundle read(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            Manifest manifest;
            try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
            try (Stream<Path> files = Files.walk(location)) {
                return of(manifest, files.map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .map(BundleWiring::packageOf).filter(p -> !p.isEmpty()).collect(Collectors.toSet()));
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new IllegalArgumentException(location + " has no manifest");
            }
            Set<String> packages = new TreeSet<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String p = packageOf(entries.nextElement().getName());
                if (!p.isEmpty()) {
                    packages.add(p);
                }
            }
            return of(manifest, packages);
        }
    }

    /** The package of a class file's path in a bundle, or "" for anything else (resources, META-INF, OSGI-INF). */
    private static String packageOf(String path) {
        if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.startsWith("OSGI-INF/")) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    }

    private static List<Clause> clauses(String header) {
        return header == null || header.isBlank() ? List.of() : List.of(Parser.parseHeader(header));
    }

    private static Set<String> names(String header) {
        return clauses(header).stream().map(Clause::getName).collect(Collectors.toSet());
    }

    /**
     * Every breach of the rules among these bundles, one sentence each, in a stable order; empty when
     * they keep them all. Packages exported by bundles outside the set (the JDK, libraries) are not
     * looked at, except that an {@code .internal} one may not be imported either.
     */
    static List<String> violations(Collection<Bundle> bundles) {
        List<Bundle> sorted = bundles.stream().sorted((a, b) -> a.symbolicName().compareTo(b.symbolicName())).toList();
        Map<String, List<Bundle>> exporters = new HashMap<>();
        for (Bundle b : sorted) {
            for (String p : b.exports()) {
                exporters.computeIfAbsent(p, k -> new ArrayList<>()).add(b);
            }
        }
        List<String> violations = new ArrayList<>();
        // The edges of the wiring graph: importer -> exporter -> the packages it gets from there.
        Map<Bundle, Map<Bundle, Set<String>>> wires = new LinkedHashMap<>();
        for (Bundle b : sorted) {
            Map<Bundle, Set<String>> out = new TreeMap<>((x, y) -> x.symbolicName().compareTo(y.symbolicName()));
            wires.put(b, out);
            for (String p : b.imports()) {
                if (isInternal(p)) {
                    violations.add(b + " imports the internal package " + p);
                }
                for (Bundle from : exporters.getOrDefault(p, List.of())) {
                    if (from == b) {
                        continue; // a bundle importing what it exports itself (substitutable export)
                    }
                    out.computeIfAbsent(from, k -> new TreeSet<>()).add(p);
                    if (from.isImplementation()) {
                        violations.add(b + " imports " + p + " from the implementation bundle " + from
                                + " (move the package to an .api bundle)");
                    }
                }
            }
        }
        for (Bundle b : sorted) {
            if (b.isApi()) {
                b.packages().stream().filter(BundleWiring::isInternal)
                        .forEach(p -> violations.add("API bundle " + b + " contains the implementation package " + p));
                b.runs().forEach(h -> violations.add("API bundle " + b + " runs code of its own (" + h + ")"));
            }
        }
        for (List<Bundle> component : stronglyConnected(wires)) {
            violations.add("Cycle between " + component + ": " + describeCycle(component, wires));
        }
        return violations;
    }

    /** One cycle through the first bundle of a strongly connected component, e.g. "a -(p)-> b -(q)-> a". */
    private static String describeCycle(List<Bundle> component, Map<Bundle, Map<Bundle, Set<String>>> wires) {
        Bundle start = component.get(0);
        Set<Bundle> members = Set.copyOf(component);
        Map<Bundle, Bundle> cameFrom = new HashMap<>();
        Deque<Bundle> queue = new ArrayDeque<>(List.of(start));
        Bundle last = null;
        while (!queue.isEmpty() && last == null) {
            Bundle at = queue.removeFirst();
            for (Bundle next : wires.get(at).keySet()) {
                if (next == start) {
                    last = at;
                    break;
                }
                if (members.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        List<Bundle> path = new ArrayList<>();
        for (Bundle b = last; b != start; b = cameFrom.get(b)) {
            path.add(0, b);
        }
        path.add(0, start);
        path.add(start);
        StringBuilder text = new StringBuilder(start.symbolicName());
        for (int i = 1; i < path.size(); i++) {
            text.append(" -(").append(String.join(", ", wires.get(path.get(i - 1)).get(path.get(i)))).append(")-> ")
                    .append(path.get(i).symbolicName());
        }
        return text.toString();
    }

    /** Tarjan's strongly connected components of more than one bundle, each sorted by name. */
    private static List<List<Bundle>> stronglyConnected(Map<Bundle, Map<Bundle, Set<String>>> wires) {
        Tarjan tarjan = new Tarjan(wires);
        for (Bundle v : wires.keySet()) {
            if (!tarjan.index.containsKey(v)) {
                tarjan.visit(v);
            }
        }
        tarjan.found.sort((a, b) -> a.get(0).symbolicName().compareTo(b.get(0).symbolicName()));
        return tarjan.found;
    }

    /** The state of one run of Tarjan's algorithm (a few dozen bundles: recursion is fine). */
    private static final class Tarjan {
        private final Map<Bundle, Map<Bundle, Set<String>>> wires;
        private final Map<Bundle, Integer> index = new HashMap<>();
        private final Map<Bundle, Integer> low = new HashMap<>();
        private final Deque<Bundle> stack = new ArrayDeque<>();
        private final Set<Bundle> onStack = new HashSet<>();
        private final List<List<Bundle>> found = new ArrayList<>();
        private int counter;

        Tarjan(Map<Bundle, Map<Bundle, Set<String>>> wires) {
            this.wires = wires;
        }

        void visit(Bundle v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            for (Bundle w : wires.get(v).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<Bundle> component = new ArrayList<>();
                Bundle w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (w != v);
                if (component.size() > 1) {
                    component.sort((a, b) -> a.symbolicName().compareTo(b.symbolicName()));
                    found.add(component);
                }
            }
        }
    }
}
