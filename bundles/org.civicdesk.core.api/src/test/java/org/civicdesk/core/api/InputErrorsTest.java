package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

public class InputErrorsTest {
    @Test
    public void aRefusalReadsInTheCallersLanguageAndItsMessageStaysEnglish() {
        InvalidInputException tooLong = InvalidInputException.of("description", "text.tooLong", 4000);
        assertEquals("description is longer than 4000 characters", tooLong.getMessage());
        assertEquals("Descrierea are mai mult de 4000 de caractere", tooLong.message("ro"));
        assertEquals(Map.of("description", "Descrierea are mai mult de 4000 de caractere"), tooLong.asMap("ro"));
        assertEquals("a language without texts reads English", tooLong.getMessage(), tooLong.message("hu"));
    }

    @Test
    public void aFieldWithoutANameInTheLanguageKeepsItsOwnAndAValuePerLanguageIsReadInIt() {
        assertEquals("x{y}'z are mai mult de 5 de caractere",
                InvalidInputException.of("x{y}'z", "text.tooLong", 5).message("ro"));
        InvalidInputException unanswered = InvalidInputException.of("attribute[depth]", "attribute.required",
                Map.of("ro", "Cât de adâncă este?", "en", "How deep is it?"));
        assertEquals("answer 'How deep is it?'", unanswered.getMessage());
        assertEquals("Răspundeți la întrebarea „Cât de adâncă este?”", unanswered.message("ro"));
    }

    /** A field with a name of its own reads it in each language, English included ("role" for level2Role). */
    @Test
    public void aChoiceIsRefusedUnderTheNameOfItsField() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> EnumIds.parse(Role.class, "boss", "level2Role"));
        assertEquals("level2Role", unknown.field());
        assertEquals("unknown role 'boss'; expected operator, employee, supervisor, admin, contractor, dpo",
                unknown.getMessage());
        assertTrue(unknown.message("ro"), unknown.message("ro").startsWith("Rolul care primește escaladarea de nivel 2: "
                + "valoarea „boss” nu este cunoscută"));
    }

    @Test
    public void wordsOfItsOwnAreKeptInEveryLanguage() {
        InvalidInputException plain = new InvalidInputException("x", "something English");
        assertEquals("something English", plain.message("ro"));
    }

    @Test
    public void everyRomanianTextHasItsEnglishOne() throws Exception {
        Properties ro = texts("InputErrors_ro.properties");
        for (String key : texts("InputErrors.properties").stringPropertyNames()) {
            assertTrue("Romanian text for " + key, ro.containsKey(key));
        }
    }

    /** MessageFormat takes a lone apostrophe for a quote and drops it ("the callers phone"): each is written twice. */
    @Test
    public void noTextLosesAnApostrophe() throws Exception {
        Pattern lone = Pattern.compile("(?<!\\})'(?!\\{)");
        List<String> lost = new ArrayList<>();
        for (String file : List.of("InputErrors.properties", "InputErrors_ro.properties")) {
            Properties texts = texts(file);
            for (String key : texts.stringPropertyNames()) {
                // What is left once doubled apostrophes go may only quote braces, as in '{category, …}'.
                if (lone.matcher(texts.getProperty(key).replace("''", "")).find()) {
                    lost.add(file + ": " + key);
                }
            }
        }
        assertEquals(List.of(), lost);
        assertEquals("a request of this type needs the caller's phone number or e-mail address to answer them",
                InvalidInputException.of(null, "caller.contact").getMessage());
    }

    /** A refusal whose key has no text would fail as a server error instead: every key the bundles name is here. */
    @Test
    public void everyKeyTheBundlesRefuseWithHasItsTexts() throws Exception {
        Properties en = texts("InputErrors.properties");
        Pattern refusal = Pattern.compile("InvalidInputException\\.of\\(\\s*[^,;]+,\\s*\"([A-Za-z0-9_.]+)\"");
        Path bundles = Path.of("..").toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(bundles)) {
            for (Path source : (Iterable<Path>) sources.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/"))::iterator) {
                Matcher m = refusal.matcher(Files.readString(source));
                while (m.find()) {
                    found++;
                    if (!en.containsKey(m.group(1))) {
                        missing.add(bundles.relativize(source) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue("the scan found the bundles' refusals (" + found + ")", found > 50);
        assertEquals(List.of(), missing);
    }

    private static Properties texts(String file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = InputErrors.class.getResourceAsStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
