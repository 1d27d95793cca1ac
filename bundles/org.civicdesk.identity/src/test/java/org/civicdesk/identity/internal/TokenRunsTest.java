package org.civicdesk.identity.internal;

import static org.junit.Assert.assertEquals;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.civicdesk.persistence.Jdbc;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The citizens with every token, found by reading runs of ids, are exactly those a brute count finds, in the order of
 * ids and as many as asked, for tokens of every size: common with common, rare with common, and runs longer than a
 * first read and than what is checked one by one.
 */
public class TokenRunsTest {
    private static final int CITIZENS = 30_000;
    /** Tokens by which citizens have them: i is citizen i's number. */
    private static final List<IntPredicate> TOKENS = List.of(
        i -> true,                  // 0: everyone ("bench")
        i -> i % 8 == 3,            // 1: a common surname
        i -> i / 8 % 8 == 5,        // 2: a common first name
        i -> i % 97 == 17,          // 3: a house number
        i -> i % 500 == 18,         // 4: a street
        i -> i == 12_345,           // 5: one person
        i -> i % 3 == 0 && i % 7 != 0, // 6: many, not with 7
        i -> i % 7 == 0);           // 7: many, never with 6
    private static Jdbc jdbc;

    @BeforeClass
    public static void tokens() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:token-runs");
        derby.setCreateDatabase("create");
        jdbc = new Jdbc(derby);
        jdbc.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE T (TOKEN BIGINT NOT NULL, CITIZEN_ID VARCHAR(36) NOT NULL, PRIMARY KEY (TOKEN, "
                        + "CITIZEN_ID))");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO T VALUES (?, ?)")) {
                for (int i = 0; i < CITIZENS; i++) {
                    for (int t = 0; t < TOKENS.size(); t++) {
                        if (TOKENS.get(t).test(i)) {
                            ps.setLong(1, t);
                            ps.setString(2, id(i));
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A citizen's id as the registry makes them: a UUID, which does not follow the citizens' numbers. */
    private static String id(int i) {
        return new java.util.UUID(new Random(i).nextLong(), i).toString();
    }

    private static List<String> expected(List<Long> tokens, int max) {
        TreeSet<String> all = new TreeSet<>();
        for (int i = 0; i < CITIZENS; i++) {
            int citizen = i;
            if (tokens.stream().allMatch(t -> TOKENS.get(t.intValue()).test(citizen))) {
                all.add(id(i));
            }
        }
        return new ArrayList<>(all).subList(0, Math.min(max, all.size()));
    }

    private static void check(int max, long... tokens) {
        List<Long> asked = java.util.Arrays.stream(tokens).boxed().toList();
        assertEquals(asked + " at most " + max, expected(asked, max), new TokenRuns(jdbc, "T").common(asked, max));
    }

    @Test
    public void twoCommonTokensShareTheirFirstMatches() {
        check(201, 1, 2);
        check(201, 2, 1);
        check(20_000, 1, 2);
    }

    @Test
    public void aRareTokenWithCommonOnesIsCheckedOneByOne() {
        check(201, 0, 5);
        check(201, 5, 0, 1);
        check(201, 0, 3, 4);
        check(201, 3, 4);
    }

    @Test
    public void tokensThatNeverMeetFindNobody() {
        check(201, 6, 7);
        check(201, 6, 7, 0);
    }

    @Test
    public void everyoneWithEveryoneIsCutAtWhatIsAsked() {
        check(201, 0, 0);
        check(1, 0, 6);
        check(201, 0);
        check(5_000, 0, 6);
    }
}
