package dev.aftersales.chassis.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CsvTableTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final Charset GBK = Charset.forName("GBK");

    static CsvTable utf8(String text) {
        return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), CSV);
    }

    @Test
    void rows_are_numbered_as_a_spreadsheet_shows_them_with_the_header_as_row_1() {
        var table = utf8("serialNumber,dealerId\r\nAC-1,D-SH\r\n\r\nAC-2,D-BJ\r\n");

        assertThat(table.header()).containsExactly("serialNumber", "dealerId");
        assertThat(table.rows())
                .containsExactly(
                        new CsvTable.Row(2, List.of("AC-1", "D-SH")), new CsvTable.Row(4, List.of("AC-2", "D-BJ")));
    }

    @Test
    void a_line_break_inside_a_quoted_cell_stays_in_the_cell_and_later_rows_keep_their_numbers() {
        var table = utf8("serialNumber,address\nAC-1,\"上海市浦东新区\n张江路88号\"\nAC-2,北京\n");

        assertThat(table.rows())
                .containsExactly(
                        new CsvTable.Row(2, List.of("AC-1", "上海市浦东新区\n张江路88号")),
                        new CsvTable.Row(3, List.of("AC-2", "北京")));
    }

    @Test
    void quoted_cells_keep_their_commas_and_doubled_quotes() {
        var table = utf8("model,note\n\"KFR-35,GW\",\"the \"\"silent\"\" one\"\n");

        assertThat(table.rows().get(0).cells()).containsExactly("KFR-35,GW", "the \"silent\" one");
    }

    @Test
    void excels_utf8_byte_order_mark_is_not_part_of_the_first_column_name() {
        var bytes = "\uFEFFserialNumber,dealerId\nAC-1,D-SH\n".getBytes(StandardCharsets.UTF_8);

        var table = CsvTable.read(bytes, CSV);

        assertThat(table.header()).containsExactly("serialNumber", "dealerId");
        assertThat(table.rows().get(0).cell(0)).isEqualTo("AC-1");
    }

    @Test
    void the_charset_named_in_the_content_type_decodes_the_file() {
        var bytes = "address,regionCode\n上海市浦东新区,310115\n".getBytes(GBK);

        var table = CsvTable.read(bytes, MediaType.parseMediaType("text/csv;charset=GBK"));

        assertThat(table.rows().get(0).cells()).containsExactly("上海市浦东新区", "310115");
    }

    @Test
    void a_byte_order_mark_wins_over_the_charset_the_request_names() {
        var bytes = "\uFEFFaddress\n张江路\n".getBytes(StandardCharsets.UTF_8);

        var table = CsvTable.read(bytes, MediaType.parseMediaType("text/csv;charset=GBK"));

        assertThat(table.header()).containsExactly("address");
        assertThat(table.rows().get(0).cell(0)).isEqualTo("张江路");
    }

    @Test
    void a_gbk_file_sent_without_its_charset_is_refused_naming_the_charset_to_give() {
        var bytes = "address\n上海市浦东新区\n".getBytes(GBK);

        assertThatThrownBy(() -> CsvTable.read(bytes, CSV))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("body");
                            assertThat(p.message()).contains("UTF-8", "charset=GBK");
                        }));
    }

    @Test
    void a_quote_left_open_is_refused_rather_than_swallowing_the_rows_after_it() {
        assertThatThrownBy(() -> utf8("serialNumber,address\nAC-1,\"open\nAC-2,closed\n"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldProblem::field)
                                .containsExactly("body"));
    }

    @Test
    void a_short_row_answers_null_for_its_missing_cells_and_an_empty_file_has_no_header() {
        var table = utf8("a,b,c\n1,2\n");

        assertThat(table.rows().get(0).cell(1)).isEqualTo("2");
        assertThat(table.rows().get(0).cell(2)).isNull();
        assertThat(utf8("\n \n").header()).isEmpty();
    }
}
