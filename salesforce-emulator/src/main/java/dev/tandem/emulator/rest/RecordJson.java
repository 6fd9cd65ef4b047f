package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.soql.QueryEngine;
import dev.tandem.emulator.store.SRecord;
import java.util.Collection;

/** Renders stored records as Salesforce's record JSON. */
public final class RecordJson {
    private RecordJson() {
    }

    /** attributes {type,url} followed by the given fields, with explicit nulls. */
    public static ObjectNode render(SRecord r, String version, Collection<FieldDef> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode attrs = node.putObject("attributes");
        attrs.put("type", r.type().name());
        attrs.put("url", url(version, r));
        for (FieldDef f : fields) {
            QueryEngine.putValue(node, f.name(), r.get(f.name()));
        }
        return node;
    }

    public static String url(String version, SRecord r) {
        return "/services/data/" + version + "/sobjects/" + r.type().name() + "/" + r.id();
    }
}
