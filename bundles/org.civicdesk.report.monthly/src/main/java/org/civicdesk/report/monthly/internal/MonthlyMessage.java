package org.civicdesk.report.monthly.internal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The message to one department head, in Romanian or English: the city, the month, the department and the reports
 * attached, each with its file's name.
 *
 * @param subject the subject line
 * @param body    the text
 */
record MonthlyMessage(String subject, String body) {

    /** One attached report: its title in the message's language and its file's name. */
    record Item(String title, String fileName) {
    }

    /**
     * @param language       {@code en}, or anything else for Romanian
     * @param city           the city hall's name in that language
     * @param department     the department's code
     * @param departmentName its name, or {@code null} when the directory has none
     */
    static MonthlyMessage of(String language, String city, YearMonth month, String department, String departmentName,
            List<Item> reports) {
        boolean en = "en".equals(language);
        Locale locale = en ? Locale.ENGLISH : Locale.forLanguageTag("ro");
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
        DateTimeFormatter day = DateTimeFormatter.ofPattern(en ? "yyyy-MM-dd" : "dd.MM.yyyy");
        String period = month.atDay(1).format(day) + " – " + month.atEndOfMonth().format(day);
        String dept = departmentName == null || departmentName.isBlank() ? department
                : departmentName + " (" + department + ")";
        StringBuilder body = new StringBuilder();
        String subject;
        if (en) {
            subject = city + ": monthly reports for " + monthName + " – " + dept;
            body.append("Hello,\n\n").append(city).append(" sends you the reports for ").append(monthName).append(" (")
                    .append(period).append(") of the department ").append(dept).append(", attached to this message:\n\n");
        } else {
            subject = city + ": rapoartele lunii " + monthName + " – " + dept;
            body.append("Bună ziua,\n\n").append(city).append(" vă trimite rapoartele lunii ").append(monthName)
                    .append(" (").append(period).append(") pentru departamentul ").append(dept)
                    .append(", atașate acestui mesaj:\n\n");
        }
        for (Item report : reports) {
            body.append("- ").append(report.title()).append(" (").append(report.fileName()).append(")\n");
        }
        body.append(en ? "\nCivicDesk sends this message on its own, once a month, to the heads of department.\n"
                : "\nCivicDesk trimite acest mesaj automat, o dată pe lună, șefilor de departament.\n");
        return new MonthlyMessage(subject, body.toString());
    }
}
