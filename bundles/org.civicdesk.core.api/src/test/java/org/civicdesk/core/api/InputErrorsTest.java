package org.civicdesk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

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

    @Test
    public void wordsOfItsOwnAreKeptInEveryLanguage() {
        InvalidInputException plain = new InvalidInputException("x", "something English");
        assertEquals("something English", plain.message("ro"));
    }

    @Test
    public void everyRomanianTextHasItsEnglishOne() throws Exception {
        Properties en = new Properties();
        Properties ro = new Properties();
        try (InputStream in = InputErrors.class.getResourceAsStream("InputErrors.properties");
                InputStream inRo = InputErrors.class.getResourceAsStream("InputErrors_ro.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            ro.load(new InputStreamReader(inRo, StandardCharsets.UTF_8));
        }
        for (String key : en.stringPropertyNames()) {
            assertTrue("Romanian text for " + key, ro.containsKey(key));
        }
    }

    /** A refusal whose key has no text would fail as a server error instead: every key the bundles name is here. */
    @Test
    public void everyKeyTheBundlesRefuseWithHasItsTexts() throws Exception {
        Properties en = new Properties();
        try (InputStream in = InputErrors.class.getResourceAsStream("InputErrors.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        java.util.regex.Pattern refusal = java.util.regex.Pattern.compile(
                "InvalidInputException\\.of\\(\\s*[^,;]+,\\s*\"([A-Za-z0-9_.]+)\"");
        java.nio.file.Path bundles = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        java.util.List<String> missing = new java.util.ArrayList<>();
        int found = 0;
        try (java.util.stream.Stream<java.nio.file.Path> sources = java.nio.file.Files.walk(bundles)) {
            for (java.nio.file.Path source : (Iterable<java.nio.file.Path>) sources.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/"))::iterator) {
                java.util.regex.Matcher m = refusal.matcher(java.nio.file.Files.readString(source));
                while (m.find()) {
                    found++;
                    if (!en.containsKey(m.group(1))) {
                        missing.add(bundles.relativize(source) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue("the scan found the bundles' refusals (" + found + ")", found > 50);
        assertEquals(java.util.List.of(), missing);
    }
}
