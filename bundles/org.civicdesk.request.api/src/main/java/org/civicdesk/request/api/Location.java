package org.civicdesk.request.api;

/**
 * Where a problem is: a GPS position, an address, or both.
 *
 * @param lat     latitude in degrees (WGS 84), or {@code null}
 * @param lon     longitude in degrees (WGS 84), or {@code null}
 * @param address street address, or {@code null}
 */
public record Location(Double lat, Double lon, String address) {
}
