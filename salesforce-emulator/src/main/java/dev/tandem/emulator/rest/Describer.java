package dev.tandem.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.schema.ChildRelationship;
import dev.tandem.emulator.schema.FieldDef;
import dev.tandem.emulator.schema.FieldType;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.Schema;
import dev.tandem.emulator.schema.StandardSchema;

/** Builds describeGlobal, the basic object info and the full describe from the schema. */
final class Describer {
    private final Schema schema;

    Describer(Schema schema) {
        this.schema = schema;
    }

    /** Campaign and its statuses are read-only for users without the Marketing User flag. */
    private static boolean writable(ObjectDef o, boolean marketingUser, boolean flag) {
        boolean marketingObject = o.name().equals(StandardSchema.CAMPAIGN)
                || o.name().equals(StandardSchema.CAMPAIGN_MEMBER_STATUS);
        return flag && (!marketingObject || marketingUser);
    }

    ObjectNode global(String version, boolean marketingUser) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("encoding", "UTF-8");
        root.put("maxBatchSize", 200);
        ArrayNode arr = root.putArray("sobjects");
        for (ObjectDef o : schema.objects()) {
            arr.add(summary(o, version, marketingUser));
        }
        return root;
    }

    ObjectNode summary(ObjectDef o, String version, boolean marketingUser) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("activateable", false);
        n.put("createable", writable(o, marketingUser, o.createable()));
        n.put("custom", false);
        n.put("customSetting", false);
        n.put("deletable", writable(o, marketingUser, o.deletable()));
        n.put("deprecatedAndHidden", false);
        n.put("feedEnabled", false);
        n.put("keyPrefix", o.keyPrefix());
        n.put("label", o.label());
        n.put("labelPlural", o.labelPlural());
        n.put("layoutable", true);
        n.put("mergeable", false);
        n.put("name", o.name());
        n.put("queryable", true);
        n.put("replicateable", true);
        n.put("retrieveable", true);
        n.put("searchable", true);
        n.put("triggerable", true);
        n.put("undeletable", o.name().equals(StandardSchema.CAMPAIGN));
        n.put("updateable", writable(o, marketingUser, o.updateable()));
        ObjectNode urls = n.putObject("urls");
        String base = "/services/data/" + version + "/sobjects/" + o.name();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        return n;
    }

    ObjectNode describe(ObjectDef o, String version, boolean marketingUser) {
        ObjectNode n = summary(o, version, marketingUser);
        ArrayNode children = n.putArray("childRelationships");
        for (ChildRelationship c : schema.childRelationships(o)) {
            ObjectNode cr = children.addObject();
            cr.put("cascadeDelete", c.cascadeDelete());
            cr.put("childSObject", c.childObject());
            cr.put("deprecatedAndHidden", false);
            cr.put("field", c.field());
            cr.putNull("junctionIdListName");
            cr.putArray("junctionReferenceTo");
            cr.put("relationshipName", c.relationshipName());
            cr.put("restrictedDelete", false);
        }
        ArrayNode fields = n.putArray("fields");
        for (FieldDef f : o.fields()) {
            fields.add(field(f));
        }
        ArrayNode rt = n.putArray("recordTypeInfos");
        ObjectNode master = rt.addObject();
        master.put("active", true);
        master.put("available", true);
        master.put("defaultRecordTypeMapping", true);
        master.put("developerName", "Master");
        master.put("master", true);
        master.put("name", "Master");
        master.put("recordTypeId", "012000000000000AAA");
        master.putObject("urls").put("layout", "/services/data/" + version + "/sobjects/" + o.name()
                + "/describe/layouts/012000000000000AAA");
        return n;
    }

    private static ObjectNode field(FieldDef f) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("aggregatable", f.type() != FieldType.TEXTAREA);
        n.put("autoNumber", false);
        n.put("byteLength", f.type().kind() == FieldType.Kind.TEXT ? f.length() * 3 : 0);
        n.put("calculated", f.calculated());
        n.put("cascadeDelete", false);
        n.put("caseSensitive", false);
        n.put("createable", f.createable());
        n.put("custom", f.custom());
        n.put("defaultedOnCreate", f.defaultedOnCreate());
        n.put("digits", f.type() == FieldType.INT ? 9 : 0);
        n.put("externalId", f.externalId());
        n.put("filterable", f.type() != FieldType.TEXTAREA);
        n.put("groupable", f.type().kind() != FieldType.Kind.NUMBER && f.type() != FieldType.TEXTAREA);
        n.put("idLookup", f.idLookup());
        n.put("label", f.label());
        n.put("length", f.type().kind() == FieldType.Kind.TEXT ? f.length() : 0);
        n.put("name", f.name());
        n.put("nameField", f.nameField());
        n.put("nillable", f.nillable());
        ArrayNode pl = n.putArray("picklistValues");
        for (FieldDef.PicklistValue v : f.picklistValues()) {
            ObjectNode p = pl.addObject();
            p.put("active", true);
            p.put("defaultValue", v.defaultValue());
            p.put("label", v.value());
            p.putNull("validFor");
            p.put("value", v.value());
        }
        n.put("precision", f.precision());
        ArrayNode refs = n.putArray("referenceTo");
        f.referenceTo().forEach(refs::add);
        if (f.relationshipName() == null) {
            n.putNull("relationshipName");
        } else {
            n.put("relationshipName", f.relationshipName());
        }
        n.put("restrictedPicklist", f.restrictedPicklist());
        n.put("scale", f.scale());
        n.put("soapType", f.type().soapType());
        n.put("sortable", f.type() != FieldType.TEXTAREA);
        n.put("type", f.type().describeName());
        n.put("unique", f.unique());
        n.put("updateable", f.updateable());
        return n;
    }
}
