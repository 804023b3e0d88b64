package io.waybill.shipments.storage;

import io.waybill.kernel.persistence.DataDirectory;
import io.waybill.shipments.ProofImage;
import io.waybill.shipments.ProofImageStore;
import io.waybill.shipments.config.DeliveryProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Keeps proof images as files: {@code <dir>/<shipment id>/<image id>.<png|jpg>}, the reference being
 * the path under the folder. A file is written under a temporary name and moved into place, so a
 * reader never sees half an image. Only references of that exact shape are read, so no reference
 * can reach outside the folder.
 */
@Component
class FileSystemProofImageStore implements ProofImageStore {

    private static final Pattern REFERENCE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                    + "[0-9a-f]{4}-[0-9a-f]{12})\\.(png|jpg)");

    private final Path root;

    FileSystemProofImageStore(DeliveryProperties properties, DataDirectory data) {
        this.root = (properties.imageDir().isEmpty() ? data.resolve("proof-images") : Path.of(properties.imageDir()))
                .toAbsolutePath().normalize();
    }

    @Override
    public String store(UUID shipmentId, ProofImage image) {
        String reference = shipmentId + "/" + UUID.randomUUID() + "." + image.format().suffix();
        Path target = root.resolve(reference);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
            Files.write(partial, image.content());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a proof image under " + root, e);
        }
        return reference;
    }

    @Override
    public Optional<ProofImage> read(String reference) {
        Matcher shape = REFERENCE.matcher(reference == null ? "" : reference);
        if (!shape.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProofImage.stored(ProofImage.Format.ofSuffix(shape.group(3)),
                    Files.readAllBytes(root.resolve(reference))));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a proof image under " + root, e);
        }
    }

    @Override
    public void delete(String reference) {
        if (reference != null && REFERENCE.matcher(reference).matches()) {
            try {
                Files.deleteIfExists(root.resolve(reference));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete a proof image under " + root, e);
            }
        }
    }
}
