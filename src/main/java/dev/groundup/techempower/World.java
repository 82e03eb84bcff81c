package dev.groundup.techempower;

/** A row of the World table, serialized as {@code {"id":…,"randomNumber":…}}. */
record World(int id, int randomNumber) {
}
