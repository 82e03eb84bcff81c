package dev.groundup.techempower;

import tools.jackson.databind.annotation.JsonSerialize;

/** A row of the World table, serialized as {@code {"id":…,"randomNumber":…}} (see {@link WorldJson}). */
@JsonSerialize(using = WorldJson.class)
record World(int id, int randomNumber) {
}
