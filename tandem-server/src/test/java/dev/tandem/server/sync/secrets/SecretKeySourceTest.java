package dev.tandem.server.sync.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeySourceTest {

    @TempDir
    Path dataDir;

    @Test
    void configuredKeyIsUsedAndNoFileIsWritten() {
        byte[] key = new byte[32];
        key[0] = 7;

        byte[] resolved = SecretKeySource.resolve(Base64.getEncoder().encodeToString(key), dataDir);

        assertThat(resolved).isEqualTo(key);
        assertThat(dataDir.resolve(SecretKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void withoutConfiguredKeyOneIsGeneratedOnceIntoTheDataDirectory() throws Exception {
        byte[] first = SecretKeySource.resolve(null, dataDir);
        byte[] second = SecretKeySource.resolve("  ", dataDir);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.readString(dataDir.resolve(SecretKeySource.KEY_FILE)).trim())
                .isEqualTo(Base64.getEncoder().encodeToString(first));
    }

    @Test
    void configuredKeyOfWrongLengthIsRefusedNamingTheVariable() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeySource.resolve(shortKey, dataDir))
                .hasMessageContaining("TANDEM_SECRET_KEY").hasMessageContaining("32 bytes");
    }

    @Test
    void configuredKeyThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> SecretKeySource.resolve("not base64 !!", dataDir))
                .hasMessageContaining("TANDEM_SECRET_KEY").hasMessageContaining("base64");
    }
}
