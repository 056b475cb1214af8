package org.icakg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.icakg.kb.Bundle;
import org.icakg.kb.KnowledgeBase;
import org.icakg.kb.Vocab;
import org.icakg.store.Stores;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bundled knowledge base opened for one test, on the store it should hold for (in memory, or TDB2 in a folder of
 * its own), and closed (the folder deleted) after the test. Register it on an instance field:
 * <pre>{@code
 * @RegisterExtension
 * final BundledStores stores = new BundledStores();
 * ... KnowledgeBase kb = stores.tdb2();
 * }</pre>
 */
public final class BundledStores implements AfterEachCallback {

    private final List<KnowledgeBase> opened = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    /** The bundled data in memory. */
    public KnowledgeBase inMemory() {
        return kept(KnowledgeBase.inMemory(Bundle.bundled(), Vocab.DEFAULT));
    }

    /** The bundled data loaded into a new TDB2 store. */
    public KnowledgeBase tdb2() {
        try {
            Path folder = Files.createTempDirectory("ica-kg-tdb2-");
            folders.add(folder);
            return kept(KnowledgeBase.open(Bundle.bundled(), Vocab.DEFAULT, Stores.tdb2(folder.resolve("store"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KnowledgeBase kept(KnowledgeBase kb) {
        opened.add(kb);
        return kb;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        opened.forEach(kb -> Stores.close(kb.dataset()));
        opened.clear();
        for (Path folder : folders)
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList())
                    Files.delete(f);
            }
        folders.clear();
    }
}
