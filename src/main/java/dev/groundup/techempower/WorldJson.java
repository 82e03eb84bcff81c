package dev.groundup.techempower;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * {@link World} as JSON, through the application's one mapper: its two fields written directly,
 * names pre-encoded. Jackson's record serializer reads each component by reflection and boxes it
 * for the int serializer, which cost more than the writing itself on the rows-per-request types.
 */
final class WorldJson extends StdSerializer<World> {
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString RANDOM_NUMBER = new SerializedString("randomNumber");

    WorldJson() {
        super(World.class);
    }

    @Override
    public void serialize(World world, JsonGenerator out, SerializationContext context) {
        out.writeStartObject(world, 2);
        out.writeName(ID);
        out.writeNumber(world.id());
        out.writeName(RANDOM_NUMBER);
        out.writeNumber(world.randomNumber());
        out.writeEndObject();
    }
}
