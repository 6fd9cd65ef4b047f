package dev.tandem.server.console.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/** The console's jte templates, compiled at build time (no compiler is needed at run time). */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (a path under src/main/jte, e.g. {@code "programs.jte"}) with named parameters. */
    public String render(String name, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(name, params, output);
        return output.toString();
    }
}
