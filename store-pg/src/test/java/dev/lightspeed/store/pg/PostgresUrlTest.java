package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  @Test
  void aJdbcUrlIsTakenAsItIs() {
    assertThat(PostgresUrl.parse("jdbc:postgresql://db:5432/lightspeed?sslmode=require"))
        .isEqualTo(new PostgresUrl("jdbc:postgresql://db:5432/lightspeed?sslmode=require", Optional.empty(), Optional.empty()));
  }

  @Test
  void aLibpqUriMovesItsCredentialsOutOfTheUrl() {
    assertThat(PostgresUrl.parse("postgresql://light:s%40cret@db.internal:6543/ls?sslmode=require"))
        .isEqualTo(new PostgresUrl("jdbc:postgresql://db.internal:6543/ls?sslmode=require", Optional.of("light"),
            Optional.of("s@cret")));
    assertThat(PostgresUrl.parse("postgres://db/ls"))
        .isEqualTo(new PostgresUrl("jdbc:postgresql://db/ls", Optional.empty(), Optional.empty()));
  }

  @Test
  void toStringNeverShowsThePassword() {
    assertThat(PostgresUrl.parse("postgresql://light:secret@db/ls")).hasToString("jdbc:postgresql://db/ls (user light)");
    assertThat(PostgresUrl.parse("jdbc:postgresql://db/ls?user=u&password=secret"))
        .hasToString("jdbc:postgresql://db/ls?user=u&password=***");
  }

  @Test
  void somethingElseIsRejectedWithThePasswordMasked() {
    assertThatThrownBy(() -> PostgresUrl.parse("mysql://u:secret@db/ls"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a PostgreSQL URL: \"mysql://u:***@db/ls\" (expected postgresql://user:password@host:port/database"
            + " or jdbc:postgresql://host:port/database)");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://db"))
        .hasMessage("not a PostgreSQL URL: \"postgresql://db\" (no database name after the host)");
  }
}
