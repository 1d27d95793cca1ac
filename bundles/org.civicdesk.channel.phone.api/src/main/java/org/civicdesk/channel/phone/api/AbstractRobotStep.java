package org.civicdesk.channel.phone.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The base of a {@link RobotStep}, which keeps steps compiling as the interface grows: prompts
 * read from a UTF-8 properties file beside the step's class, no identification, always offered.
 * The file has one line per sentence and language, {@code <key>.<language> = sentence}:
 *
 * <pre>
 * label.ro = programul primăriei
 * label.en = the city hall's opening hours
 * hours.ro = Primăria vă așteaptă de luni până vineri, între opt și patru.
 * hours.en = The city hall is open Monday to Friday, eight to four.
 * </pre>
 */
@ConsumerType
public abstract class AbstractRobotStep implements RobotStep {
    private final Map<String, Map<String, String>> prompts;

    /**
     * Reads the prompts from a resource of the step's own class ({@link Class#getResourceAsStream}: a
     * name relative to its package, or absolute with a leading {@code /}).
     *
     * @throws IllegalArgumentException when the resource is missing or unreadable, or a line names no language
     */
    protected AbstractRobotStep(String promptResource) {
        this.prompts = read(getClass(), promptResource);
    }

    /** Takes the prompts as they are: by language, then by key. */
    protected AbstractRobotStep(Map<String, Map<String, String>> prompts) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        prompts.forEach((language, texts) -> copy.put(language, Map.copyOf(texts)));
        this.prompts = Map.copyOf(copy);
    }

    @Override
    public Map<String, String> prompts(String language) {
        return prompts.getOrDefault(language, Map.of());
    }

    @Override
    public boolean needsIdentifiedCaller() {
        return false;
    }

    @Override
    public boolean isOffered() {
        return true;
    }

    private static Map<String, Map<String, String>> read(Class<?> owner, String resource) {
        Properties lines = new Properties();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(owner.getName() + " has no prompt resource " + resource);
            }
            try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                lines.load(text);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the prompts " + resource + " of " + owner.getName(), e);
        }
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        for (String name : lines.stringPropertyNames()) {
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new IllegalArgumentException("the prompt '" + name + "' in " + resource
                        + " names no language: write <key>.<language> = sentence");
            }
            byLanguage.computeIfAbsent(name.substring(dot + 1), l -> new HashMap<>())
                    .put(name.substring(0, dot), lines.getProperty(name).strip());
        }
        Map<String, Map<String, String>> frozen = new HashMap<>();
        byLanguage.forEach((language, texts) -> frozen.put(language, Map.copyOf(texts)));
        return Map.copyOf(frozen);
    }
}
