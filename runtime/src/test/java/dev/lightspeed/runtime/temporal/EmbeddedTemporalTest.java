package dev.lightspeed.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded server listens where it is told, and only there, and says clearly when it cannot. */
class EmbeddedTemporalTest {

  @Test
  void itAnswersOnLoopbackAndIsNotReachableFromOtherInterfaces() throws IOException {
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start("127.0.0.1", 0)) {
      assertThat(temporal.client().getWorkflowServiceStubs().healthCheck().getStatus().name()).isEqualTo("SERVING");

      Optional<InetAddress> external = externalAddress();
      assumeTrue(external.isPresent(), "no non-loopback IPv4 interface to try");
      try (Socket socket = new Socket()) {
        assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), temporal.port()), 1_000))
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void aTakenAddressIsAClearError() {
    try (EmbeddedTemporal first = EmbeddedTemporal.start("127.0.0.1", 0)) {
      assertThatThrownBy(() -> EmbeddedTemporal.start("127.0.0.1", first.port()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("127.0.0.1:" + first.port())
          .hasMessageContaining("LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR");
    }
  }

  private static Optional<InetAddress> externalAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(i -> {
          try {
            return i.isUp() && !i.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
