package org.civicdesk.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.identity.api.PhoneNumbers;

/**
 * What an operator types to find a caller, as a condition on {@link CitizenEntity}: a phone number (it starts with 0 or
 * +, which no CNP or CUI does) finds the citizens with that number; digits alone (a CUI with its RO too), those whose
 * CNP or CUI begins so;
 * anything else is words, each of which must be in the name or the address, in any order and without diacritics —
 * "Ion Popescu" finds "Popescu Ion", "Zamca 3" finds "Str. Zamca nr. 3". The words naming a kind of street or a
 * number ("str", "nr", …) are left out: an address is written with them or without.
 *
 * @param condition  a JPQL condition on {@code c}, with named parameters
 * @param parameters the parameters' values
 */
record SearchTerms(String condition, Map<String, Object> parameters) {
    /** The most words a search uses: past them, a search is a sentence, not a name. */
    static final int MAX_WORDS = 8;
    private static final Set<String> ADDRESS_WORDS = Set.of("str", "strada", "nr", "numar", "numarul", "bd", "bld",
            "bulevardul", "b", "dul", "sos", "soseaua", "cal", "calea", "al", "aleea", "p", "ta", "piata", "bl", "bloc",
            "sc", "scara", "ap", "apartament", "et", "etaj", "jud", "judetul", "mun", "municipiul");

    /** The terms of {@code text}, which {@code folded} is without diacritics and in lower case. */
    static SearchTerms of(String text, String folded) {
        String compact = text.strip().replaceAll("[\\s().-]", "");
        if (compact.matches("(\\+|0)\\d{6,14}")) {
            Optional<String> phone = PhoneNumbers.normalise(text);
            if (phone.isPresent()) {
                return new SearchTerms("c.phoneKey = :phone", Map.of("phone", phone.get()));
            }
        }
        if (compact.matches("(?i)(ro)?\\d+")) {
            // A CUI is often written with the RO of VAT: the register keeps the digits.
            return new SearchTerms("c.nationalId LIKE :id", Map.of("id", compact.replaceFirst("(?i)^ro", "") + "%"));
        }
        List<String> words = new ArrayList<>(Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty() && !ADDRESS_WORDS.contains(w)).distinct().toList());
        if (words.isEmpty()) {
            // Only such words ("str"): taken as typed, so that the search still asks for something.
            words.add(folded.replaceAll("[%_]", ""));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (String word : words.subList(0, Math.min(words.size(), MAX_WORDS))) {
            String name = "w" + parameters.size();
            parameters.put(name, "%" + word + "%");
            conditions.add("c.searchName LIKE :" + name);
        }
        return new SearchTerms(String.join(" AND ", conditions), parameters);
    }
}
