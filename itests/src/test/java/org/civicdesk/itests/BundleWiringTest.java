package org.civicdesk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.civicdesk.itests.BundleWiring.Bundle;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The wiring check on made-up bundles: it passes a sound set and names each kind of breach. */
public class BundleWiringTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** A sound set: library, API, implementation, a plug-in on the API only, an optional import. */
    private static List<Bundle> sound() {
        List<Bundle> set = new ArrayList<>();
        set.add(bundle("org.x.core.api", List.of("org.x.core.api"), "Export-Package: org.x.core.api;version=\"1.0.0\""));
        set.add(bundle("org.x.persistence", List.of("org.x.persistence"), "Export-Package: org.x.persistence"));
        set.add(bundle("org.x.request.api", List.of("org.x.request.api"),
                "Export-Package: org.x.request.api;uses:=\"org.x.core.api\";version=\"1.5.0\"",
                "Import-Package: org.x.core.api;version=\"[1.0,2)\""));
        set.add(bundle("org.x.request", List.of("org.x.request.internal"),
                "Import-Package: javax.persistence,org.x.core.api,org.x.persistence,org.x.request.api",
                "Service-Component: OSGI-INF/org.x.request.internal.Registry.xml"));
        set.add(bundle("org.x.channel.phone", List.of("org.x.channel.phone.internal", "org.x.channel.phone.spi"),
                "Export-Package: org.x.channel.phone.spi",
                "Import-Package: org.x.channel.phone.spi,org.x.request.api;version=\"[1.5,2)\","
                        + "org.x.tax.api;resolution:=optional",
                "Service-Component: OSGI-INF/org.x.channel.phone.internal.Robot.xml"));
        set.add(bundle("org.x.tax.api", List.of("org.x.tax.api"), "Export-Package: org.x.tax.api"));
        return set;
    }

    @Test
    public void aSoundSetPasses() {
        assertEquals(List.of(), BundleWiring.violations(sound()));
    }

    @Test
    public void importingAnInternalPackageFails() {
        List<Bundle> set = sound();
        // A plug-in reaching into the registry's internals (bnd imports it when the class is referenced).
        set.add(bundle("org.x.report.sla", List.of("org.x.report.sla.internal"),
                "Import-Package: org.x.request.api,org.x.request.internal;version=\"[0.1,1)\""));
        // An internal package of a library outside the set is no better.
        set.add(bundle("org.x.report.csv", List.of("org.x.report.csv.internal"),
                "Import-Package: org.apache.commons.csv.internal.format;resolution:=optional"));
        assertEquals(List.of("org.x.report.csv imports the internal package org.apache.commons.csv.internal.format",
                "org.x.report.sla imports the internal package org.x.request.internal"), BundleWiring.violations(set));
    }

    @Test
    public void importingFromAnImplementationBundleFails() {
        List<Bundle> set = sound();
        // The announcements' API still inside their implementation bundle: a phone plug-in wires to the implementation.
        set.add(bundle("org.x.engagement", List.of("org.x.engagement.api", "org.x.engagement.internal"),
                "Export-Package: org.x.engagement.api", "Import-Package: org.x.engagement.api,org.x.core.api"));
        set.add(bundle("org.x.robot.polls", List.of("org.x.robot.polls.internal"),
                "Import-Package: org.x.engagement.api,org.x.channel.phone.spi"));
        assertEquals(List.of(
                "org.x.robot.polls imports org.x.channel.phone.spi from the implementation bundle org.x.channel.phone"
                        + " (move the package to an .api bundle)",
                "org.x.robot.polls imports org.x.engagement.api from the implementation bundle org.x.engagement"
                        + " (move the package to an .api bundle)"), BundleWiring.violations(set));
    }

    @Test
    public void aCycleOfTwoFails() {
        List<Bundle> set = sound();
        set.add(bundle("org.x.a.api", List.of("org.x.a.api"), "Export-Package: org.x.a.api", "Import-Package: org.x.b.api"));
        set.add(bundle("org.x.b.api", List.of("org.x.b.api"), "Export-Package: org.x.b.api", "Import-Package: org.x.a.api"));
        assertEquals(List.of("Cycle between [org.x.a.api, org.x.b.api]: org.x.a.api -(org.x.b.api)-> org.x.b.api"
                + " -(org.x.a.api)-> org.x.a.api"), BundleWiring.violations(set));
    }

    @Test
    public void aTransitiveCycleFailsEvenThroughAnOptionalImport() {
        List<Bundle> set = sound();
        // request.api -> core.api (sound) and core.api now back to request.api through the tax API.
        replace(set, bundle("org.x.core.api", List.of("org.x.core.api"), "Export-Package: org.x.core.api",
                "Import-Package: org.x.tax.api;resolution:=optional"));
        replace(set, bundle("org.x.tax.api", List.of("org.x.tax.api"), "Export-Package: org.x.tax.api",
                "Import-Package: org.x.request.api"));
        List<String> violations = BundleWiring.violations(set);
        assertEquals(violations.toString(), 1, violations.size());
        assertEquals("Cycle between [org.x.core.api, org.x.request.api, org.x.tax.api]: org.x.core.api -(org.x.tax.api)->"
                + " org.x.tax.api -(org.x.request.api)-> org.x.request.api -(org.x.core.api)-> org.x.core.api",
                violations.get(0));
    }

    @Test
    public void anApiBundleThatRunsCodeFails() {
        List<Bundle> set = sound();
        set.add(bundle("org.x.web.api", List.of("org.x.web.api", "org.x.web.internal"), "Export-Package: org.x.web.api",
                "Service-Component: OSGI-INF/org.x.web.internal.Pages.xml", "Bundle-Activator: org.x.web.internal.Start"));
        assertEquals(List.of("API bundle org.x.web.api contains the implementation package org.x.web.internal",
                "API bundle org.x.web.api runs code of its own (Bundle-Activator)",
                "API bundle org.x.web.api runs code of its own (Service-Component)"), BundleWiring.violations(set));
    }

    @Test
    public void headersAreParsedAsOsgiClauses() {
        Bundle b = bundle("org.x.demo;singleton:=true", List.of(),
                "Import-Package: org.x.a.api;org.x.b.api;version=\"[1.0,2)\",org.x.c.api;resolution:=optional,javax.sql",
                "Export-Package: org.x.d.api;uses:=\"org.x.a.api,org.x.b.api\";version=\"1.0.0\"");
        assertEquals("org.x.demo", b.symbolicName());
        assertEquals(Set.of("org.x.a.api", "org.x.b.api", "org.x.c.api", "javax.sql"), b.imports());
        assertEquals(Set.of("org.x.d.api"), b.exports());
    }

    @Test
    public void aJarIsReadWithThePackagesOfItsClasses() throws IOException {
        Path jar = folder.getRoot().toPath().resolve("org.x.engagement.jar");
        Manifest manifest = manifest("org.x.engagement", "Export-Package: org.x.engagement.api",
                "Service-Component: OSGI-INF/org.x.engagement.internal.Polls.xml");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String entry : List.of("org/x/engagement/api/Polls.class", "org/x/engagement/internal/PollsImpl.class",
                    "OSGI-INF/org.x.engagement.internal.Polls.xml", "web/app.js", "META-INF/versions/17/x/Y.class")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        Bundle b = BundleWiring.read(jar);
        assertEquals(Set.of("org.x.engagement.api", "org.x.engagement.internal"), b.packages());
        assertEquals(Set.of("Service-Component"), b.runs());
        assertTrue(b.isImplementation());
    }

    private static void replace(List<Bundle> set, Bundle b) {
        assertTrue(set.removeIf(old -> old.symbolicName().equals(b.symbolicName())));
        set.add(b);
    }

    private static Bundle bundle(String symbolicName, List<String> packages, String... headers) {
        return BundleWiring.of(manifest(symbolicName, headers), packages);
    }

    private static Manifest manifest(String symbolicName, String... headers) {
        StringBuilder text = new StringBuilder("Manifest-Version: 1.0\nBundle-ManifestVersion: 2\n");
        text.append("Bundle-SymbolicName: ").append(symbolicName).append('\n');
        for (String h : headers) {
            text.append(h).append('\n');
        }
        try {
            return new Manifest(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
