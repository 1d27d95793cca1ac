package org.civicdesk.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.core.api.SearchText;
import org.civicdesk.identity.api.PhoneNumbers;

/**
 * What an operator types to find a caller, and what a citizen is found by. A phone number (it starts with 0 or +,
 * which no CNP or CUI does) finds the citizens with that number; digits alone (a CUI with its RO too), those whose CNP
 * or CUI begins so; anything else is words, each of which must begin a word of the name or the address, in any order
 * and without diacritics — "Ion Popescu" finds "Popescu Ion", "Zamca 3" finds "Str. Zamca nr. 3". The words naming a
 * kind of street or a number ("str", "nr", …) are left out: an address is written with them or without.
 *
 * <p>Names and addresses are stored sealed, so the words are matched as tokens: each citizen is stored with the tokens
 * of {@link #tokensOf} (each whole word, every beginning of a word of at least {@link #MIN_PREFIX} letters, the CNP or
 * CUI and every beginning of it of at least {@link #MIN_ID_PREFIX} digits), which the registry keeps only as keyed
 * hashes; a search asks for all of its {@link #tokens}. A shorter word typed finds the words it is whole ("Ia" finds
 * "Ia", not "Iacob"), fewer digits the CUI they are: a million citizens are 30 million tokens, and the shortest
 * beginnings, which find tens of thousands of people each, would be a third of them.
 *
 * <p>Rows remember the {@link #RULES} their tokens were made by: a change to {@link #tokensOf} raises it, and its
 * changeset drops the earlier tokens and empties the rows' record of them (CD_CITIZEN.TOKENS_OF); the registry makes
 * them again ({@code CitizenTokensJob}), and until then those citizens are found by CNP, phone and e-mail only.
 *
 * @param phone  the phone number's normal form when a number was typed, else null
 * @param tokens the tokens a citizen must have, when no phone number was typed
 */
record SearchTerms(String phone, List<String> tokens) {
    /** The most words a search uses: past them, a search is a sentence, not a name. */
    static final int MAX_WORDS = 8;
    /** The shortest beginning of a word that finds it; a shorter word typed finds only itself. */
    static final int MIN_PREFIX = 3;
    /** The shortest beginning of a national id that finds it: a CNP's sex and date of birth. */
    static final int MIN_ID_PREFIX = 6;
    /** The version of the rules of {@link #tokensOf}, which each citizen's row records (CD_CITIZEN.TOKENS_OF). */
    static final short RULES = 1;
    private static final Set<String> ADDRESS_WORDS = Set.of("str", "strada", "nr", "numar", "numarul", "bd", "bld",
            "bulevardul", "b", "dul", "sos", "soseaua", "cal", "calea", "al", "aleea", "p", "ta", "piata", "bl", "bloc",
            "sc", "scara", "ap", "apartament", "et", "etaj", "jud", "judetul", "mun", "municipiul");
    private static final String WORD = "w:";
    private static final String NATIONAL_ID = "n:";

    /** The terms of {@code text}, which {@code folded} is without diacritics and in lower case. */
    static SearchTerms of(String text, String folded) {
        String compact = text.strip().replaceAll("[\\s().-]", "");
        if (compact.matches("(\\+|0)\\d{6,14}")) {
            Optional<String> phone = PhoneNumbers.normalise(text);
            if (phone.isPresent()) {
                return new SearchTerms(phone.get(), List.of());
            }
        }
        if (compact.matches("(?i)(ro)?\\d+")) {
            // A CUI is often written with the RO of VAT: the register keeps the digits.
            return new SearchTerms(null, List.of(NATIONAL_ID + compact.replaceFirst("(?i)^ro", "")));
        }
        List<String> words = new ArrayList<>(words(folded).stream().filter(w -> !ADDRESS_WORDS.contains(w)).toList());
        if (words.isEmpty()) {
            // Only such words ("str"): sought as typed, so that the search still asks for something.
            words.addAll(words(folded));
        }
        return new SearchTerms(null, words.subList(0, Math.min(words.size(), MAX_WORDS)).stream().map(w -> WORD + w)
                .toList());
    }

    /**
     * What kind of search this was, for the audit trail: never the words or digits typed, which are a person's name or
     * national id and would outlive their erasure in an append-only record.
     */
    String described() {
        if (phone != null) {
            return "by phone number";
        }
        if (!tokens.isEmpty() && tokens.get(0).startsWith(NATIONAL_ID)) {
            return "by national id, " + (tokens.get(0).length() - NATIONAL_ID.length()) + " digits";
        }
        return "by name or address, " + tokens.size() + (tokens.size() == 1 ? " word" : " words");
    }

    /** The tokens a citizen is found by: those of their national id, names and address. */
    static Set<String> tokensOf(String nationalId, String lastName, String firstName, String address) {
        Set<String> tokens = new LinkedHashSet<>();
        if (nationalId != null) {
            tokens.add(NATIONAL_ID + nationalId);
            for (int end = MIN_ID_PREFIX; end < nationalId.length(); end++) {
                tokens.add(NATIONAL_ID + nationalId.substring(0, end));
            }
        }
        for (String word : words(SearchText.fold(String.join(" ", Arrays.asList(lastName, firstName, address).stream()
                .filter(part -> part != null).toList())))) {
            tokens.add(WORD + word);
            for (int end = MIN_PREFIX; end < word.length(); end++) {
                tokens.add(WORD + word.substring(0, end));
            }
        }
        return tokens;
    }

    /** The words of a folded text, each once. */
    private static List<String> words(String folded) {
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).distinct().toList();
    }
}
