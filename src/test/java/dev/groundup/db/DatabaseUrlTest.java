package dev.groundup.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:./data/groundup | jdbc:h2:./data/groundup",
            "jdbc:h2:mem:x;USER=sa;PASSWORD=pw;DB_CLOSE_DELAY=-1 | jdbc:h2:mem:x;USER=sa;PASSWORD=***;DB_CLOSE_DELAY=-1",
            "jdbc:postgresql://h:5432/db?user=u&password=p&ssl=true | jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
            "jdbc:postgresql://u:p4ss@h/db | jdbc:postgresql://u:***@h/db",
            "jdbc:postgresql://h/db?user=u | jdbc:postgresql://h/db?user=u",
    })
    void redactedMasksPasswords(String url, String shown) {
        assertThat(DatabaseUrl.of(url).redacted()).isEqualTo(shown);
        assertThat(DatabaseUrl.of(url).toString()).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:./data/groundup | jdbc:h2:./data/groundup;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4",
            "jdbc:h2:mem:x;db_close_on_exit=true | jdbc:h2:mem:x;db_close_on_exit=true;TRACE_LEVEL_FILE=4",
            "jdbc:h2:./d;TRACE_LEVEL_FILE=1 | jdbc:h2:./d;TRACE_LEVEL_FILE=1;DB_CLOSE_ON_EXIT=FALSE",
            "jdbc:postgresql://h/db | jdbc:postgresql://h/db",
    })
    void h2sExitHookIsOffAndItsTraceGoesToTheLogUnlessTheUrlSaysOtherwise(String url, String connectUrl) {
        assertThat(DatabaseUrl.of(url).connectUrl()).isEqualTo(connectUrl);
    }
}
