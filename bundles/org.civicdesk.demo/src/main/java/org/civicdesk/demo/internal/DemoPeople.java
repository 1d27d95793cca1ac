package org.civicdesk.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.civicdesk.identity.api.CitizenDetails;
import org.civicdesk.identity.api.NationalIds;

/** Deterministic, realistic demo citizens with valid CNPs, living in Suceava (county code 33). */
final class DemoPeople {
    private static final String[] MALE = {"Ion", "Gheorghe", "Vasile", "Constantin", "Mihai", "Andrei", "Alexandru",
        "Dumitru", "Florin", "Adrian", "Cristian", "Ștefan", "Bogdan", "Radu", "Ionuț", "Marius", "Daniel", "Nicolae"};
    private static final String[] FEMALE = {"Maria", "Elena", "Ioana", "Ana", "Mihaela", "Andreea", "Cristina",
        "Gabriela", "Alexandra", "Daniela", "Ramona", "Florentina", "Georgiana", "Simona", "Larisa", "Oana", "Ștefania"};
    private static final String[] LAST = {"Popescu", "Ionescu", "Popa", "Pop", "Niculescu", "Constantin", "Stan",
        "Dumitru", "Stoica", "Gheorghe", "Rusu", "Munteanu", "Matei", "Ciobanu", "Lungu", "Moldovan", "Ursu", "Tănase",
        "Pîrvu", "Cazacu", "Hușanu", "Anton", "Sandu", "Bălan", "Vasilescu", "Grigoraș", "Onu", "Țurcanu"};
    private static final String[] STREETS = {"Str. Ștefan cel Mare", "Bd. George Enescu", "Str. Mihai Viteazu",
        "Str. Universității", "Calea Unirii", "Str. Nicolae Bălcescu", "Str. Petru Rareș", "Str. Ion Creangă",
        "Str. Mărășești", "Bd. 1 Decembrie 1918", "Str. Jean Bart", "Str. Traian Vuia", "Str. Zamca", "Str. Ana Ipătescu"};
    private static final String CITY = "Suceava";

    private DemoPeople() {
    }

    /** The three hand-checkable taxpayers named in the README, then {@code count - 3} generated ones. */
    static List<CitizenDetails> generate(int count, Random random) {
        List<CitizenDetails> people = new ArrayList<>(count);
        people.add(new CitizenDetails("1800101350018", "Ion", "Popescu", "Str. Ștefan cel Mare nr. 12, ap. 4, " + CITY,
                "0745123456", "ion.popescu@example.ro"));
        people.add(new CitizenDetails("2820315350028", "Maria", "Popescu", "Str. Ștefan cel Mare nr. 12, ap. 4, " + CITY,
                "0745123457", null));
        people.add(new CitizenDetails("2550720350038", "Elena", "Ionescu", "Str. Mihai Viteazu nr. 3, " + CITY,
                "0230512345", null));
        for (int i = people.size(); i < count; i++) {
            boolean male = random.nextBoolean();
            int year = 1935 + random.nextInt(70);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            // Serial 100..999 made unique by the index so that no two demo people share a CNP.
            int serial = 100 + i % 900;
            int sexDigit = year >= 2000 ? (male ? 5 : 6) : (male ? 1 : 2);
            String first12 = String.format("%d%02d%02d%02d33%03d", sexDigit, year % 100, month, day, serial);
            String cnp = first12 + NationalIds.cnpCheckDigit(first12);
            String first = male ? MALE[random.nextInt(MALE.length)] : FEMALE[random.nextInt(FEMALE.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String address = STREETS[random.nextInt(STREETS.length)] + " nr. " + (1 + random.nextInt(120))
                    + (random.nextBoolean() ? ", ap. " + (1 + random.nextInt(60)) : "") + ", " + CITY;
            String phone = "07" + (20 + random.nextInt(70)) + String.format("%06d", random.nextInt(1_000_000));
            people.add(new CitizenDetails(cnp, first, last, address, phone, null));
        }
        return people;
    }
}
