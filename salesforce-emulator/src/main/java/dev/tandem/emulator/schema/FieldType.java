package dev.tandem.emulator.schema;

/** Salesforce field data types, with the names describe reports for them. */
public enum FieldType {
    ID("id", "tns:ID", Kind.TEXT),
    STRING("string", "xsd:string", Kind.TEXT),
    TEXTAREA("textarea", "xsd:string", Kind.TEXT),
    EMAIL("email", "xsd:string", Kind.TEXT),
    PHONE("phone", "xsd:string", Kind.TEXT),
    URL("url", "xsd:string", Kind.TEXT),
    PICKLIST("picklist", "xsd:string", Kind.TEXT),
    REFERENCE("reference", "tns:ID", Kind.TEXT),
    BOOLEAN("boolean", "xsd:boolean", Kind.BOOLEAN),
    INT("int", "xsd:int", Kind.NUMBER),
    DOUBLE("double", "xsd:double", Kind.NUMBER),
    CURRENCY("currency", "xsd:double", Kind.NUMBER),
    PERCENT("percent", "xsd:double", Kind.NUMBER),
    DATE("date", "xsd:date", Kind.DATE),
    DATETIME("datetime", "xsd:dateTime", Kind.DATETIME);

    /** How values of a type are stored and compared. */
    public enum Kind { TEXT, BOOLEAN, NUMBER, DATE, DATETIME }

    private final String describeName;
    private final String soapType;
    private final Kind kind;

    FieldType(String describeName, String soapType, Kind kind) {
        this.describeName = describeName;
        this.soapType = soapType;
        this.kind = kind;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public Kind kind() {
        return kind;
    }

    /** True for id-valued types, whose values are compared as normalised 18-character ids. */
    public boolean isIdValued() {
        return this == ID || this == REFERENCE;
    }

    /** The type for a name used in configuration ("string", "Text", "checkbox", ...). */
    public static FieldType parse(String name) {
        String n = name.trim().toLowerCase();
        switch (n) {
            case "text": return STRING;
            case "checkbox": return BOOLEAN;
            case "number": return DOUBLE;
            case "integer": return INT;
            case "lookup": return REFERENCE;
            default:
                for (FieldType t : values()) {
                    if (t.describeName.equals(n)) {
                        return t;
                    }
                }
                throw new IllegalArgumentException("unknown field type '" + name + "'");
        }
    }
}
