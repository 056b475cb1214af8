package org.icakg.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The geometry shipped with the project ({@code geo/} on the classpath, see its NOTICE.md): country outlines
 * pre-projected to SVG path data, and the coordinates of ports, cities and corridor lines.
 */
record Geography(Frame frame, List<Place> points, List<Route> lines) {

    /** The projection the outlines were drawn with, and the size of the frame. */
    record Projection(double west, double north, double standardParallel, double scale) {}

    /** The outlines and their projection. */
    record Frame(String source, Projection projection, double width, double height, List<Country> countries) {}

    /** A country: ISO 3166 numeric code, name, Wikidata item (for the countries the map is about) and outline. */
    record Country(String iso, String name, String wikidata, double[] labelAt, String path) {}

    /** A port or city. */
    record Place(String name, String kind, double lon, double lat) {}

    /** A corridor drawn through named places, in order. */
    record Route(String name, String shortName, List<String> via) {}

    private record Places(String source, List<Place> points, List<Map<String, Object>> lines) {}

    /** Reads the shipped files. */
    static Geography load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Frame frame = read(json, "geo/countries.json", Frame.class);
        Places places = read(json, "geo/places.json", Places.class);
        List<Route> routes = places.lines().stream().map(l -> new Route((String) l.get("name"), (String) l.get("short"),
                ((List<?>) l.get("via")).stream().map(Object::toString).toList())).toList();
        return new Geography(frame, places.points(), routes);
    }

    /** SVG coordinates of a longitude and latitude, in the outlines' projection. */
    double[] project(double lon, double lat) {
        Projection p = frame.projection();
        double k = Math.cos(Math.toRadians(p.standardParallel()));
        return new double[] {(lon - p.west()) * k * p.scale(), (p.north() - lat) * p.scale()};
    }

    /** The place of a name, or null. */
    Place place(String name) {
        return points.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static <T> T read(ObjectMapper json, String resource, Class<T> type) {
        try (InputStream in = Geography.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + resource);
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
