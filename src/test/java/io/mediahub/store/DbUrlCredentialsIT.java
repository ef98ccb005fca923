package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.CliRunner;
import io.mediahub.testing.MySqlDatabase;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password inside MEDIAHUB_DB_URL (user:password@, ?password=) is a secret: it never reaches an output, a log line,
 * an error or Camel's properties. Needs the MySQL/MariaDB server of {@link MySqlDatabase}.
 */
class DbUrlCredentialsIT {
    private static final String PASSWORD = "Pw-s3cret-in-url";

    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    private final CliRunner cli = new CliRunner();
    private String user;

    private void createUser() throws Exception {
        user = "mh_" + mysql.database().substring(mysql.database().length() - 8);
        try (Connection c = DriverManager.getConnection(mysql.serverUrl(), mysql.user(), mysql.password()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'");
            s.executeUpdate("GRANT ALL ON " + mysql.database() + ".* TO '" + user + "'@'%'");
        }
    }

    @AfterEach
    void dropUser() throws Exception {
        if (user != null) {
            try (Connection c = DriverManager.getConnection(mysql.serverUrl(), mysql.user(), mysql.password()); Statement s = c.createStatement()) {
                s.executeUpdate("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    private String hostPart() {
        return mysql.serverUrl().replaceFirst("^jdbc:(mysql|mariadb)://", "");
    }

    @Test
    void aPasswordInTheUrlNeverShows() throws Exception {
        createUser();
        for (String url : new String[] {"jdbc:mysql://" + user + ":" + PASSWORD + "@" + hostPart() + mysql.database(),
                mysql.serverUrl() + mysql.database() + "?user=" + user + "&password=" + PASSWORD}) {
            Map<String, String> env = Map.of("MEDIAHUB_DB_URL", url);
            assertThat(cli.run(() -> TestApp.settings(dir, env), "flows")).as(cli.stderr()).isZero();
            assertThat(cli.run(() -> TestApp.settings(dir, env), "run", "store-backup-database")).isEqualTo(1);
            assertThat(cli.stderr()).contains("store-backup-database failed: the store is MySQL/MariaDB (jdbc:mysql://");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(PASSWORD);
            try (TestApp app = TestApp.start(dir, env)) {
                assertThat(app.app().store().displayUrl()).doesNotContain(PASSWORD);
                var properties = app.app().camelContext().getPropertiesComponent();
                assertThat(properties.loadPropertiesAsMap().values()).noneMatch(v -> String.valueOf(v).contains(PASSWORD));
            }
        }
    }

    @Test
    void aWrongPasswordInTheUrlIsAnErrorThatDoesNotRepeatIt() {
        String url = "jdbc:mariadb://root:Wrong-pw-s3cret@" + hostPart() + mysql.database();
        assertThat(cli.run(() -> TestApp.settings(dir, Map.of("MEDIAHUB_DB_URL", url)), "flows")).isEqualTo(2);
        assertThat(cli.stderr()).contains("mediahub: Cannot open the store at jdbc:mysql://root:***@").doesNotContain("Wrong-pw-s3cret");
    }
}
