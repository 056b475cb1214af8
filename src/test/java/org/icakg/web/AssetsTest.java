package org.icakg.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The static files: every name of the table is a file of the build, webjars found under the version on the class path. */
class AssetsTest {

    @Test
    void every_asset_is_a_resource_of_the_build() {
        Assets.TABLE.forEach((name, asset) -> assertNotNull(
                Assets.class.getClassLoader().getResource(asset.resource()), name + " → " + asset.resource()));
    }

    @Test
    void a_webjar_is_found_under_the_version_of_its_jar() {
        String folder = Assets.webjar("org.webjars.npm", "cytoscape");
        assertTrue(folder.matches("META-INF/resources/webjars/cytoscape/\\d+\\.\\d+\\.\\d+/"), folder);
        assertNotNull(Assets.class.getClassLoader().getResource(folder + "dist/cytoscape.min.js"), folder);
    }

    @Test
    void a_webjar_missing_from_the_class_path_is_named() {
        var e = assertThrows(IllegalStateException.class, () -> Assets.webjar("org.webjars.npm", "no-such-thing"));
        assertEquals("The webjar org.webjars.npm:no-such-thing is not on the class path "
                + "(META-INF/maven/org.webjars.npm/no-such-thing/pom.properties is missing)", e.getMessage());
    }
}
