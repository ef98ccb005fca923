package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The MySQL URLs users write, as MySQL Connector/J is given them. */
class StoreUrlTest {
    @Test
    void aJdbcMysqlUrlIsTakenAsItIs() {
        assertThat(Store.mysqlDriverUrl("jdbc:mysql://db:3306/mediahub?useSSL=false")).isEqualTo("jdbc:mysql://db:3306/mediahub?useSSL=false");
    }

    @Test
    void aJdbcMariadbUrlIsReadAsJdbcMysqlAndTheMariadbDriversFlagIsDropped() {
        assertThat(Store.mysqlDriverUrl("jdbc:mariadb://db:3306/mediahub")).isEqualTo("jdbc:mysql://db:3306/mediahub");
        assertThat(Store.mysqlDriverUrl("jdbc:mysql://db/mediahub?permitMysqlScheme")).isEqualTo("jdbc:mysql://db/mediahub");
        assertThat(Store.mysqlDriverUrl("jdbc:mysql://db/m?permitMysqlScheme&sslMode=DISABLED")).isEqualTo("jdbc:mysql://db/m?sslMode=DISABLED");
        assertThat(Store.mysqlDriverUrl("jdbc:mariadb://db/m?a=1&permitMysqlScheme=true&b=2")).isEqualTo("jdbc:mysql://db/m?a=1&b=2");
        assertThat(Store.mysqlDriverUrl("jdbc:mariadb://db/m?a=1&permitMysqlScheme")).isEqualTo("jdbc:mysql://db/m?a=1");
    }

    @Test
    void bothVendorsTakeALockRowInOneStatement() {
        assertThat(Dialect.SQLITE.insertIgnore()).isEqualTo("INSERT OR IGNORE");
        assertThat(Dialect.MYSQL.insertIgnore()).isEqualTo("INSERT IGNORE");
        assertThat(Dialect.MYSQL.streamingFetchSize()).isEqualTo(Integer.MIN_VALUE);
    }
}
