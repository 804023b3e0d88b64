package io.waybill.platform.persistence;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the embedded default keeps what must survive a restart ({@code waybill.data-dir}, default ./data). */
@Component
public class DataDirectory {

    private final Path root;

    DataDirectory(@Value("${waybill.data-dir:./data}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return root.resolve(child);
    }
}
