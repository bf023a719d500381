package dev.aftersales.chassis.csv;

import dev.aftersales.chassis.application.InvalidRequestException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.springframework.http.MediaType;

/**
 * An uploaded CSV file as a spreadsheet shows it: a header row naming the columns, then the data
 * rows. Reads what Excel and WPS write: RFC 4180 quoting (commas, quotes and line breaks inside a
 * quoted cell), CRLF or LF line ends, a UTF-8 byte-order mark, and the charset the request names
 * ({@code text/csv; charset=GBK} for a Chinese Excel's default export), UTF-8 when it names none.
 *
 * <p>Rows keep the number a spreadsheet shows: the header is row 1, a line break inside a quoted cell
 * does not start a new row, and a blank row counts but is not listed. Cells are as written (not
 * trimmed); header names are trimmed.
 *
 * @param header the first row's column names; empty when the file has no non-blank row
 * @param rows the data rows that are not blank, in file order
 */
public record CsvTable(List<String> header, List<Row> rows) {

    /** Strict about what it cannot read (a quote left open): silently merged rows would load wrong data. */
    static final CSVFormat FORMAT =
            CSVFormat.EXCEL.builder().setLenientEof(false).get();

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * @param line the row's number in a spreadsheet (the header is 1)
     * @param cells as many as the row has, which may differ from the header's count
     */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell of that column, or null when the row is shorter. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * Decodes and parses a request body.
     *
     * @param contentType the request's content type; its {@code charset} decodes the body
     * @throws InvalidRequestException naming {@code body} when the bytes are not text in that charset
     *     or not CSV (a quote left open), so the caller answers 400
     */
    public static CsvTable read(byte[] body, MediaType contentType) {
        var text = decode(body, contentType == null ? null : contentType.getCharset());
        var header = List.<String>of();
        var rows = new ArrayList<Row>();
        try (var parser = FORMAT.parse(new StringReader(text))) {
            for (var record : parser) {
                var cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                var line = Math.toIntExact(record.getRecordNumber());
                if (header.isEmpty()) {
                    header = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (UncheckedIOException | IOException e) {
            var cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidRequestException("body", "is not valid CSV: " + cause.getMessage());
        }
        return new CsvTable(header, rows);
    }

    /**
     * A byte-order mark names the encoding whatever the header says (as browsers decide); without one
     * the declared charset, else UTF-8. Bytes that are not text in that charset are refused rather than
     * replaced, so that a GBK file sent as UTF-8 never stores mangled names.
     */
    private static String decode(byte[] body, Charset declared) {
        var charset = declared == null ? StandardCharsets.UTF_8 : declared;
        int skip = 0;
        if (startsWith(body, UTF8_BOM)) {
            charset = StandardCharsets.UTF_8;
            skip = UTF8_BOM.length;
        } else if (startsWith(body, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(body, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(
                    "body",
                    "is not " + charset.name() + " text; name the file's charset in the Content-Type, "
                            + "e.g. text/csv; charset=GBK");
        }
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
