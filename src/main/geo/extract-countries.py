#!/usr/bin/env python3
"""Makes src/main/resources/geo/countries.json from Natural Earth's 1:110m countries as TopoJSON.

Run once at development time (the output is committed; nothing is fetched at build or run time):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 src/main/geo/extract-countries.py package/countries-110m.json > src/main/resources/geo/countries.json

Keeps the countries that fall in the map's frame, projected (equirectangular, standard parallel
STANDARD_PARALLEL) to SVG path data in a WIDTH-wide frame, so the server only copies strings.
"""
import json
import math
import sys

WEST, EAST, SOUTH, NORTH = 38.0, 98.0, 5.0, 58.0
STANDARD_PARALLEL = 35.0
WIDTH = 1000.0
K = math.cos(math.radians(STANDARD_PARALLEL))
SCALE = WIDTH / ((EAST - WEST) * K)
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)

# ISO 3166-1 numeric code -> Wikidata item, for the countries the map is about.
FOCUS = {"356": "Q668", "398": "Q232", "417": "Q813", "762": "Q863", "795": "Q874", "860": "Q265",
         "364": "Q794", "004": "Q889", "586": "Q843"}


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    return points


def project(lon, lat):
    return ((lon - WEST) * K * SCALE, (NORTH - lat) * SCALE)


def path(rings):
    parts = []
    for r in rings:
        pts = [project(lon, lat) for lon, lat in r]
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return "".join(parts)


def label_at(rings):
    """The projected mean point of the country's longest ring, where its name is written."""
    largest = max(rings, key=len)
    x, y = project(sum(p[0] for p in largest) / len(largest), sum(p[1] for p in largest) / len(largest))
    return [round(x, 1), round(y, 1)]


def in_frame(rings):
    return any(WEST - 2 <= lon <= EAST + 2 and SOUTH - 2 <= lat <= NORTH + 2 for r in rings for lon, lat in r)


def main(file):
    topo = json.load(open(file))
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = [ring(arcs, r) for poly in polys for r in poly]
        if not rings or not in_frame(rings):
            continue
        iso = g.get("id", "")
        countries.append({"iso": iso, "name": g["properties"]["name"], "wikidata": FOCUS.get(iso),
                          "labelAt": label_at(rings), "path": path(rings)})
    countries.sort(key=lambda c: (c["wikidata"] is not None, c["name"]))
    out = {"source": "Natural Earth 1:110m Cultural Vectors (public domain), via the npm package world-atlas 2.0.2",
           "projection": {"west": WEST, "north": NORTH, "standardParallel": STANDARD_PARALLEL, "scale": round(SCALE, 6)},
           "width": WIDTH, "height": HEIGHT, "countries": countries}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
