package io.waybill.kernel.persistence;

import io.waybill.kernel.PlatformProperties;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Where the embedded default keeps what must survive a restart ({@code waybill.data-dir}, default ./data). */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(PlatformProperties properties) {
        this.root = Path.of(properties.dataDir()).toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }
}
