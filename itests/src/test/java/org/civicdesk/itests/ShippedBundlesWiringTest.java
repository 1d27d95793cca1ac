package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.civicdesk.itests.BundleWiring.Bundle;
import org.junit.Test;

/**
 * The build's check of CivicDesk's own bundles (see {@link BundleWiring} for the rules): every bundle
 * the features repository ships is read from this module's test class path, where Maven puts the
 * jars just built, and the check fails the build on an {@code .internal} import, an import from an
 * implementation bundle or a cycle.
 */
public class ShippedBundlesWiringTest {
    private static final Pattern CIVICDESK_BUNDLE = Pattern.compile("mvn:org\\.civicdesk/([^/]+)/");

    @Test
    public void civicDeskBundlesKeepTheWiringRules() throws IOException, XMLStreamException, URISyntaxException {
        Map<String, Bundle> bundles = bundlesOnClassPath();
        Set<String> shipped = shippedBundles();
        // A bundle added to a feature but not to this module's dependencies would escape the check.
        Set<String> unchecked = new TreeSet<>(shipped);
        unchecked.removeAll(bundles.keySet());
        assertEquals("Bundles of the features repository missing from the itests dependencies, so not checked",
                Set.of(), unchecked);
        var violations = BundleWiring.violations(bundles.values());
        assertTrue("CivicDesk's bundles break the wiring rules:\n  " + String.join("\n  ", violations),
                violations.isEmpty());
    }

    /** CivicDesk's bundles on the class path, by symbolic name (jars in a build, module directories in an IDE). */
    private static Map<String, Bundle> bundlesOnClassPath() throws IOException, URISyntaxException {
        Map<String, Bundle> bundles = new TreeMap<>();
        Enumeration<URL> manifests = ShippedBundlesWiringTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            String name;
            try (InputStream in = url.openStream()) {
                name = new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
            }
            if (name == null || !name.startsWith("org.civicdesk.")) {
                continue;
            }
            Path location = "jar".equals(url.getProtocol())
                    ? Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI())
                    : Path.of(url.toURI()).getParent().getParent();
            Bundle bundle = BundleWiring.read(location);
            bundles.put(bundle.symbolicName(), bundle);
        }
        return bundles;
    }

    /** The symbolic names (= artifactIds) of the CivicDesk bundles the features repository installs. */
    private static Set<String> shippedBundles() throws IOException, XMLStreamException {
        String file = System.getProperty("civicdesk.features");
        assertTrue("System property civicdesk.features (set in the itests pom) names the features repository",
                file != null && Files.isRegularFile(Path.of(file)));
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "bundle".equals(xml.getLocalName())) {
                    Matcher m = CIVICDESK_BUNDLE.matcher(xml.getElementText().trim());
                    if (m.lookingAt()) {
                        names.add(m.group(1));
                    }
                }
            }
            xml.close();
        }
        assertTrue("No CivicDesk bundle found in " + file, !names.isEmpty());
        return names;
    }
}
