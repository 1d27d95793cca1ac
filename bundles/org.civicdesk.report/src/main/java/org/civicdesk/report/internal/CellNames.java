package org.civicdesk.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.civicdesk.core.api.InvalidInputException;
import org.civicdesk.report.api.Column;
import org.civicdesk.report.api.ReportResult;
import org.civicdesk.report.api.ReportTable;
import org.civicdesk.request.api.Channel;
import org.civicdesk.request.api.ChannelCatalog;
import org.civicdesk.request.api.RequestTypeCatalog;

/**
 * A report's cells as the console shows them, for its files: the codes of the {@code type} and {@code channel}
 * columns become the request type's and the channel's names in the file's language. A code no longer installed
 * stays as it is, as on a stored request.
 */
final class CellNames {
    private final RequestTypeCatalog types;
    private final ChannelCatalog channels;

    CellNames(RequestTypeCatalog types, ChannelCatalog channels) {
        this.types = types;
        this.channels = channels;
    }

    ReportResult apply(ReportResult result, String language) {
        List<ReportTable> details = new ArrayList<>();
        for (ReportTable detail : result.details()) {
            details.add(new ReportTable(detail.id(), detail.names(), detail.columns(),
                    named(detail.columns(), detail.rows(), language)));
        }
        return new ReportResult(result.columns(), named(result.columns(), result.rows(), language), result.series(),
                details);
    }

    private List<List<Object>> named(List<Column> columns, List<List<Object>> rows, String language) {
        List<UnaryOperator<String>> names = new ArrayList<>();
        for (Column column : columns) {
            names.add(namer(column.id(), language));
        }
        List<List<Object>> named = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row);
            for (int i = 0; i < cells.size(); i++) {
                if (names.get(i) != null && cells.get(i) instanceof String code) {
                    cells.set(i, names.get(i).apply(code));
                }
            }
            named.add(cells);
        }
        return named;
    }

    private UnaryOperator<String> namer(String columnId, String language) {
        return switch (columnId) {
            case "type" -> code -> types.find(code).map(t -> t.name(language)).orElse(code);
            case "channel" -> code -> channelName(code, Locale.forLanguageTag(language));
            default -> null;
        };
    }

    private String channelName(String code, Locale locale) {
        try {
            return channels.name(new Channel(code), locale);
        } catch (InvalidInputException notAChannelId) {
            return code;
        }
    }
}
