package dev.aftersales.chassis.csv;

import dev.aftersales.chassis.application.InvalidRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.MediaType;

/**
 * A CSV upload read row by row as it arrives, for files too large to hold as one {@link CsvTable}:
 * the same rules (charset from the Content-Type or a byte-order mark, strict decoding, RFC 4180
 * quoting, rows numbered as a spreadsheet shows them, blank rows skipped), but only the row being
 * read is in memory. What cannot be read is refused as {@link InvalidRequestException} naming
 * {@code body} when it is met, which may be after earlier rows were handed out.
 */
public final class CsvRows implements Iterator<CsvTable.Row>, AutoCloseable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private final List<String> header;
    private CsvTable.Row next;

    private CsvRows(CSVParser parser, Charset charset) {
        this.parser = parser;
        this.records = parser.iterator();
        this.charset = charset;
        var first = advance();
        this.header = first == null
                ? List.of()
                : first.cells().stream().map(String::strip).toList();
        this.next = advance();
    }

    /** @param contentType the request's content type; its {@code charset} decodes the body (UTF-8 when none) */
    public static CsvRows open(InputStream body, MediaType contentType) {
        var declared = contentType == null ? null : contentType.getCharset();
        var in = new BufferedInputStream(body);
        try {
            var charset = byteOrderMark(in, declared == null ? StandardCharsets.UTF_8 : declared);
            var decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CsvRows(CsvTable.FORMAT.parse(new InputStreamReader(in, decoder)), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first non-blank row's column names; empty when the file has none. */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public CsvTable.Row next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        var row = next;
        next = advance();
        return row;
    }

    private CsvTable.Row advance() {
        try {
            while (records.hasNext()) {
                var record = records.next();
                var cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                return new CsvTable.Row(Math.toIntExact(record.getRecordNumber()), cells);
            }
            return null;
        } catch (UncheckedIOException e) {
            if (isCoding(e)) {
                throw new InvalidRequestException(
                        "body",
                        "is not " + charset.name() + " text; name the file's charset in the Content-Type, "
                                + "e.g. text/csv; charset=GBK");
            }
            throw new InvalidRequestException(
                    "body", "is not valid CSV: " + e.getCause().getMessage());
        }
    }

    private static boolean isCoding(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** A byte-order mark names the encoding whatever the header says; it is skipped. */
    private static Charset byteOrderMark(BufferedInputStream in, Charset declared) throws IOException {
        in.mark(3);
        var head = in.readNBytes(3);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        return declared;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
